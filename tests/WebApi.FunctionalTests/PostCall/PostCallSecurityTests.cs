using System.Net;
using System.Text;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
/// <summary>
/// The post-call webhook's signature and body shape, and its answer while it is off. Its refusal of the per-turn
/// webhook's secret is in SignatureTests, whose service has both.
/// </summary>
public class PostCallSecurityTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    [Test]
    public async Task ShouldRejectASignatureMadeWithAnotherSecret() =>
        await AssertUnauthorizedAsync(await PostCallAsync(TranscriptOf("conv_forged"), secret: "wsec_someone_else"));

    [Test]
    public async Task ShouldRejectAMissingSignature() =>
        await AssertUnauthorizedAsync(await PostCallAsync(TranscriptOf("conv_unsigned"), secret: null));

    [Test]
    public async Task ShouldRejectAStaleSignature() =>
        await AssertUnauthorizedAsync(await PostCallAsync(TranscriptOf("conv_stale"), signedAt: DateTimeOffset.UtcNow.AddMinutes(-31)));

    [Test]
    public async Task ShouldAcceptASignatureWithinTheTolerance()
    {
        var response = await PostCallAsync(TranscriptOf("conv_late_signed"), signedAt: DateTimeOffset.UtcNow.AddMinutes(-29));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ShouldRejectTheSignatureOfAnotherBody()
    {
        var body = TranscriptOf("conv_tampered");
        var request = new HttpRequestMessage(HttpMethod.Post, PostCallPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", PostCallEvents.Signature(PostCallSecret, DateTimeOffset.UtcNow, TranscriptOf("conv_original")));

        await AssertUnauthorizedAsync(await Client.SendAsync(request));
    }

    [Test]
    public async Task ShouldSayTheSecretIsNotSetWhenTheWebhookIsOff()
    {
        await using var factory = new CallTranscriptionApiFactory(Database);
        using var client = factory.CreateClient();

        var response = await PostCallAsync(TranscriptOf("conv_no_secret"), client: client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "ElevenLabs retries it until the secret is set");
        var error = await ReadJsonAsync(response);
        Assert.That(error.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(error.GetProperty("details").GetString(), Does.Contain("ElevenLabs:PostCallWebhookSecret is not set"));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
        Assert.That(factory.Logs.Entries.Select(e => e.Message),
            Has.One.Contains("post-call webhook is off").And.Contains("ElevenLabs:PostCallWebhookSecret"));
        Assert.That(Factory.Logs.Entries.Select(e => e.Message), Has.None.Contains("post-call webhook is off"));
    }

    [TestCase("", TestName = "ShouldRejectAnEmptyBody")]
    [TestCase("not json", TestName = "ShouldRejectABodyThatIsNotJson")]
    [TestCase("[]", TestName = "ShouldRejectAnArray")]
    [TestCase("{\"event_timestamp\":1767702345,\"data\":{}}", TestName = "ShouldRejectAnEnvelopeWithoutType")]
    [TestCase("{\"type\":7,\"event_timestamp\":1767702345,\"data\":{}}", TestName = "ShouldRejectANumericType")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":\"AAAA\"}", TestName = "ShouldRejectAnEventWhoseDataIsNotAnObject")]
    [TestCase("{\"type\":\"post_call_transcription\",\"type\":\"post_call_audio\",\"event_timestamp\":1767702345,\"data\":{}}",
        TestName = "ShouldRejectATypeGivenTwice")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":{\"conversation_id\":\"c\",\"transcript\":{}}}",
        TestName = "ShouldRejectATranscriptThatIsNotAnArray")]
    public async Task ShouldRejectABodyThatIsNotAnEvent(string body)
    {
        var response = await PostCallAsync(Encoding.UTF8.GetBytes(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = await ReadJsonAsync(response);
        Assert.That(error.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(error.GetProperty("details").GetString(), Is.Not.Empty);
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    [TestCase("application/x-www-form-urlencoded", TestName = "ShouldRefuseABodySentAsAForm")]
    [TestCase("text/plain", TestName = "ShouldRefuseABodySentAsText")]
    [TestCase(null, TestName = "ShouldRefuseABodySentWithoutAContentType")]
    [TestCase("application/json; charset=utf-16", TestName = "ShouldRefuseABodyInAnotherCharset")]
    public async Task ShouldRefuseABodyThatIsNotJsonByItsContentType(string? contentType)
    {
        var body = TranscriptOf("conv_any_content_type");
        var request = new HttpRequestMessage(HttpMethod.Post, PostCallPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", PostCallEvents.Signature(PostCallSecret, DateTimeOffset.UtcNow, body));

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That((await ReadJsonAsync(response)).GetProperty("details").GetString(), Does.Contain("application/json"));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    [TestCase("{\"conversation_id\": \"conv\",\n \"speaker\": }", TestName = "ShouldWordMalformedJsonAsThePerTurnWebhookDoes")]
    [TestCase("", TestName = "ShouldWordAnEmptyBodyAsThePerTurnWebhookDoes")]
    [TestCase("[1]", TestName = "ShouldWordANonObjectAsThePerTurnWebhookDoes")]
    public async Task ShouldWordItsRefusalsAsThePerTurnWebhookDoes(string body)
    {
        var postCall = await PostCallAsync(Encoding.UTF8.GetBytes(body));
        var perTurn = await PostRawAsync(body);

        Assert.That((postCall.StatusCode, perTurn.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
        Assert.That(await postCall.Content.ReadAsStringAsync(), Is.EqualTo(await perTurn.Content.ReadAsStringAsync()));
    }

    // Each rule is tested once, in CompleteCallCommandValidatorTests; this is how the webhook answers one.
    [Test]
    public async Task ShouldAnswer400ForARuleATranscriptBreaksAndStoreNothing()
    {
        var response = await PostCallAsync(TranscriptOf("conv_robot", [Conversation[0], new Said("robot", "Beep.", 3)]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = await ReadJsonAsync(response);
        Assert.That(error.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("Invalid transcription payload"));
        Assert.That(error.GetProperty("details").GetString(), Does.StartWith("data.transcript[1].role"));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ShouldReadOnlyTheTypeOfAnEventItDoesNotRead()
    {
        var response = await PostCallAsync(Encoding.UTF8.GetBytes("{\"type\":\"post_call_audio\",\"event_timestamp\":1767702345,\"data\":{\"full_audio\":\"AAAA\"}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "audio is dropped as it arrives, unparsed");
        Assert.That((await ReadJsonAsync(response)).GetProperty("type").GetString(), Is.EqualTo("post_call_audio"));
    }

    [Test]
    public async Task ShouldCheckTheSignatureBeforeTheShape() =>
        await AssertUnauthorizedAsync(await PostCallAsync(Encoding.UTF8.GetBytes("not json"), secret: "wsec_someone_else"));

    private async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(body.GetProperty("details").GetString(), Does.Contain("ElevenLabs-Signature"));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }
}
