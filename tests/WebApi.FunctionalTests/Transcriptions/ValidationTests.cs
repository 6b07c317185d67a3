using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <summary>
/// The validator's refusal as the per-turn webhook answers it. Each rule is tested once, in
/// SaveTranscriptionCommandValidatorTests; the hostile-input corpus sends every kind of bad turn through the pipeline.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class ValidationTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldAnswer400NamingEveryOffendingFieldAndStoreNothing()
    {
        var response = await PostTurnAsync(new Dictionary<string, object?> { ["speaker"] = "robot", ["message"] = "Hi" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("Invalid transcription payload"));
            Assert.That(body.GetProperty("details").GetString(), Does.Contain("conversation_id").And.Contain("speaker").And.Contain("timestamp"));
        });
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero, "a rejected turn must not create a call");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero, "a rejected turn must not be stored");
    }
}
