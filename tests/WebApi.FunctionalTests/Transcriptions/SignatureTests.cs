using CallTranscription.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <summary>Both webhooks signed, each with its own secret, in a service of the suite's own.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class SignatureTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private const string Secret = "wsec_test_5b0c1f7e2d";
    private CallTranscriptionApiFactory _signedFactory = null!;
    private HttpClient _signedClient = null!;

    [OneTimeSetUp]
    public void StartSignedService()
    {
        _signedFactory = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?>
        {
            ["ElevenLabs:WebhookSecret"] = Secret, ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret,
        });
        _signedClient = _signedFactory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopSignedServiceAsync()
    {
        _signedClient.Dispose();
        await _signedFactory.DisposeAsync();
    }

    [Test]
    public async Task ShouldAcceptAValidSignature()
    {
        var body = BodyOf("conv_signed");

        var response = await SendAsync(body, Signature(Secret, DateTimeOffset.UtcNow, body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task ShouldAcceptASignatureWithinTheTolerance()
    {
        var body = BodyOf("conv_signed_late");

        var response = await SendAsync(body, Signature(Secret, DateTimeOffset.UtcNow.AddMinutes(-29), body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase(null, TestName = "ShouldRejectAMissingSignature")]
    [TestCase("", TestName = "ShouldRejectAnEmptySignature")]
    [TestCase("t=abc,v0=zz", TestName = "ShouldRejectAMalformedSignature")]
    [TestCase("t=1763733787000,v0=0000000000000000000000000000000000000000000000000000000000000000", TestName = "ShouldRejectATimestampInMillisecondsWith401")]
    public async Task ShouldRejectWithoutAUsableSignature(string? header) =>
        await AssertUnauthorizedAsync(await SendAsync(BodyOf("conv_unsigned"), header));

    [Test]
    public async Task ShouldRejectASignatureMadeWithAnotherSecret()
    {
        var body = BodyOf("conv_forged");
        await AssertUnauthorizedAsync(await SendAsync(body, Signature("wsec_someone_else", DateTimeOffset.UtcNow, body)));
    }

    [Test]
    public async Task ShouldRejectASignatureOfAnotherBody()
    {
        var body = BodyOf("conv_tampered");
        var signedForOther = Signature(Secret, DateTimeOffset.UtcNow, BodyOf("conv_original"));
        await AssertUnauthorizedAsync(await SendAsync(body, signedForOther));
    }

    [Test]
    public async Task ShouldRejectAStaleSignature()
    {
        var body = BodyOf("conv_replayed_attack");
        await AssertUnauthorizedAsync(await SendAsync(body, Signature(Secret, DateTimeOffset.UtcNow.AddMinutes(-31), body)));
    }

    [Test]
    public async Task ShouldNotRequireASignatureWhenNoSecretIsConfigured()
    {
        var response = await PostTurnAsync(Turn("conv_public"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task ShouldRefuseThePerTurnSecretOnThePostCallWebhook()
    {
        var body = PostCallEvents.Transcription("conv_other_secret", DateTimeOffset.UtcNow.AddMinutes(-5), 20, [new("agent", "Hello?", 0)]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/elevenlabs/post-call") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.HeaderName, PostCallEvents.Signature(Secret, DateTimeOffset.UtcNow, body));

        await AssertUnauthorizedAsync(await _signedClient.SendAsync(request));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ShouldNeverLogTheSecret()
    {
        var body = BodyOf("conv_logs");
        await SendAsync(body, Signature("wrong", DateTimeOffset.UtcNow, body));
        await SendAsync(body, Signature(Secret, DateTimeOffset.UtcNow, body));

        var logged = _signedFactory.Logs.Entries.Select(e => e.Message + string.Join(",", e.Fields.Values));
        Assert.That(_signedFactory.Logs.Entries, Is.Not.Empty);
        Assert.That(logged, Has.None.Contains(Secret));
    }

    private static byte[] BodyOf(string conversationId) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Turn(conversationId)));

    private static string Signature(string secret, DateTimeOffset at, byte[] body)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t},v0={Convert.ToHexStringLower(ElevenLabsSignature.Sign(secret, t, body))}";
    }

    private Task<HttpResponseMessage> SendAsync(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.HeaderName, signature);
        }

        return _signedClient.SendAsync(request);
    }

    private async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(body.GetProperty("details").GetString(), Does.Contain(WebhookSignatureVerifier.HeaderName));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
    }
}
