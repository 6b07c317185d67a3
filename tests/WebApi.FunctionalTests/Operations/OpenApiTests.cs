using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class OpenApiTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldDescribeTheWebhook()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty(WebhookPath).GetProperty("post");
        var request = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        var requestSchema = Resolve(document, request.GetProperty("schema"));
        Assert.That(requestSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "conversation_id", "speaker", "message", "timestamp" }));
        Assert.That(request.GetProperty("example").GetProperty("speaker").GetString(), Is.EqualTo("user"));

        var responses = operation.GetProperty("responses");
        foreach (var (status, fields) in new[]
                 {
                     ("201", new[] { "status", "message", "transcription_id", "sequence_number" }),
                     ("400", new[] { "status", "message", "details" }),
                     ("500", new[] { "status", "message", "details" }),
                 })
        {
            var content = responses.GetProperty(status).GetProperty("content").GetProperty("application/json");
            Assert.That(Resolve(document, content.GetProperty("schema")).GetProperty("properties").EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(fields), status);
            Assert.That(content.GetProperty("example").GetProperty("status").GetString(), Is.EqualTo(status == "201" ? "success" : "error"));
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var name = reference.GetString()!.Split('/')[^1];
        return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
