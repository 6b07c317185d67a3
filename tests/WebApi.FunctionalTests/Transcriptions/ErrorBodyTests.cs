using System.Net;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <summary>
/// Every error, whatever produced it, has the contract's shape and our words: the framework's own answers here; the body's
/// refusals in JsonBodyTests and, through the pipeline, the hostile-input corpus.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class ErrorBodyTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldAnswer404WithTheErrorShape()
    {
        var details = await AssertErrorAsync(await Client.GetAsync("/webhooks/elevenlabs/transcripts"), HttpStatusCode.NotFound);

        Assert.That(details, Does.Contain("POST /webhooks/elevenlabs/transcription"));
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task ShouldAnswer405WithTheErrorShape(string method)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), WebhookPath));

        var details = await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.That(details, Does.Contain(method));
    }

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(body.GetProperty("message").GetString(), Is.Not.Empty);
        return body.GetProperty("details").GetString()!;
    }
}
