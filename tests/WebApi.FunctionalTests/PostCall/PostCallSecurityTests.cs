using System.Net;
using System.Text;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

public class PostCallSecurityTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    [Test]
    public async Task ShouldRejectASignatureMadeWithAnotherSecret() =>
        await AssertUnauthorizedAsync(await PostCallAsync(TranscriptOf("conv_forged"), secret: "wsec_someone_else"));

    [Test]
    public async Task ShouldRejectAMissingSignature() =>
        await AssertUnauthorizedAsync(await PostCallAsync(TranscriptOf("conv_unsigned"), secret: null));

    [Test]
    public async Task ShouldRejectTheSecretOfThePerTurnWebhook()
    {
        await using var factory = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?>
        {
            ["ElevenLabs:WebhookSecret"] = "wsec_per_turn", ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret,
        });
        using var client = factory.CreateClient();

        await AssertUnauthorizedAsync(await PostCallAsync(TranscriptOf("conv_other_secret"), secret: "wsec_per_turn", client: client));
    }

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
        request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", PostCallEvents.Signature(PostCallSecret, DateTimeOffset.UtcNow, TranscriptOf("conv_original")));

        await AssertUnauthorizedAsync(await Client.SendAsync(request));
    }

    [Test]
    public async Task ShouldNotServeTheWebhookWithoutASecretAndSaySoAtStartup()
    {
        await using var factory = new CallTranscriptionApiFactory(Database);
        using var client = factory.CreateClient();

        var response = await PostCallAsync(TranscriptOf("conv_no_secret"), client: client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
        Assert.That(factory.Logs.Entries.Select(e => e.Message),
            Has.One.Contains("post-call webhook is off").And.Contains("ElevenLabs:PostCallWebhookSecret"));
        Assert.That(Factory.Logs.Entries.Select(e => e.Message), Has.None.Contains("post-call webhook is off"));
    }

    [TestCase("", TestName = "ShouldRejectAnEmptyBody")]
    [TestCase("not json", TestName = "ShouldRejectABodyThatIsNotJson")]
    [TestCase("[]", TestName = "ShouldRejectAnArray")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345}", TestName = "ShouldRejectAnEnvelopeWithoutData")]
    [TestCase("{\"type\":\"post_call_transcription\",\"data\":{}}", TestName = "ShouldRejectAnEnvelopeWithoutEventTimestamp")]
    [TestCase("{\"event_timestamp\":1767702345,\"data\":{}}", TestName = "ShouldRejectAnEnvelopeWithoutType")]
    [TestCase("{\"type\":7,\"event_timestamp\":1767702345,\"data\":{}}", TestName = "ShouldRejectANumericType")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1767702345,\"data\":{\"full_audio\":\"AAAA\"}", TestName = "ShouldRejectATruncatedAudioEvent")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1767702345,\"data\":\"AAAA\"}", TestName = "ShouldRejectAnAudioEventWhoseDataIsNotAnObject")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":{\"conversation_id\":\"c\",\"transcript\":{}}}",
        TestName = "ShouldRejectATranscriptThatIsNotAnArray")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":{\"transcript\":[]}}",
        TestName = "ShouldRejectATranscriptWithoutItsConversation")]
    public async Task ShouldRejectABodyThatIsNotAnEvent(string body)
    {
        var response = await PostCallAsync(Encoding.UTF8.GetBytes(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = await ReadJsonAsync(response);
        Assert.That(error.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(error.GetProperty("details").GetString(), Is.Not.Empty);
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    [TestCase("application/x-www-form-urlencoded", TestName = "ShouldVerifyTheRawBytesOfABodySentAsAForm")]
    [TestCase("text/plain", TestName = "ShouldVerifyTheRawBytesOfABodySentAsText")]
    [TestCase(null, TestName = "ShouldVerifyTheRawBytesOfABodySentWithoutAContentType")]
    public async Task ShouldVerifyTheRawBytesWhateverTheContentType(string? contentType)
    {
        var body = TranscriptOf("conv_any_content_type");
        var request = new HttpRequestMessage(HttpMethod.Post, PostCallPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", PostCallEvents.Signature(PostCallSecret, DateTimeOffset.UtcNow, body));

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
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
