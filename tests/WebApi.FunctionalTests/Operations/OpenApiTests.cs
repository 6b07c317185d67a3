using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>The OpenAPI document, generated from the request and response records: both webhooks, complete.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class OpenApiTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private JsonElement _document;

    [OneTimeSetUp]
    public async Task ReadDocumentAsync() =>
        _document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();

    [TestCase(WebhookPath, "201", new[] { "conversation_id", "speaker", "message", "timestamp" }, new[] { "status", "message", "transcription_id", "sequence_number" })]
    [TestCase(PostCallPath, "200", new[] { "type", "event_timestamp", "data" }, new[] { "status", "message", "type", "conversation_id", "call_status",
        "turns_stored", "turns_already_stored", "unplaced_entries", "stored_turns_not_in_transcript" })]
    public void ShouldDescribeTheRequestAndTheResponses(string path, string success, string[] requestFields, string[] responseFields)
    {
        var operation = Operation(path);

        var request = operation.GetProperty("requestBody");
        Assert.That(request.GetProperty("required").GetBoolean(), Is.True);
        Assert.That(Properties(request.GetProperty("content").GetProperty("application/json").GetProperty("schema")), Is.EquivalentTo(requestFields));
        var responses = operation.GetProperty("responses");
        Assert.That(Properties(JsonSchema(responses.GetProperty(success))), Is.EquivalentTo(responseFields));
        foreach (var error in responses.EnumerateObject().Where(r => r.Name != success))
        {
            Assert.That(Properties(JsonSchema(error.Value)), Is.EquivalentTo(new[] { "status", "message", "details" }), error.Name);
        }
    }

    [TestCase(WebhookPath)]
    [TestCase(PostCallPath)]
    public void ShouldListOnlyTheMediaTypeThatIsSentAndTaken(string path)
    {
        var operation = Operation(path);

        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            Assert.That(response.Value.GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/json" }), response.Name);
        }

        Assert.That(operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/json" }));
    }

    [TestCase(WebhookPath, false, TestName = "ShouldDescribeTheSignatureAsOptionalOnThePerTurnWebhook")]
    [TestCase(PostCallPath, true, TestName = "ShouldDescribeTheSignatureAsRequiredOnThePostCallWebhook")]
    public void ShouldDescribeTheSignatureHeader(string path, bool required)
    {
        var signature = Operation(path).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ElevenLabs-Signature");

        Assert.That(signature.GetProperty("in").GetString(), Is.EqualTo("header"));
        Assert.That(signature.TryGetProperty("required", out var isRequired) && isRequired.GetBoolean(), Is.EqualTo(required));
        Assert.That(signature.GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("string"));
    }

    [Test]
    public void ShouldDescribeIdsAndCountsAsIntegers()
    {
        var created = Schema(JsonSchema(Operation(WebhookPath).GetProperty("responses").GetProperty("201"))).GetProperty("properties");
        var processed = Schema(JsonSchema(Operation(PostCallPath).GetProperty("responses").GetProperty("200"))).GetProperty("properties");

        foreach (var (properties, field) in new[]
                 {
                     (created, "transcription_id"), (created, "sequence_number"), (processed, "turns_stored"),
                     (processed, "turns_already_stored"), (processed, "stored_turns_not_in_transcript"),
                 })
        {
            Assert.That(properties.GetProperty(field).GetProperty("type").ToString(), Is.EqualTo("integer"), field);
        }

        Assert.That(processed.GetProperty("unplaced_entries").GetProperty("items").GetProperty("type").GetString(), Is.EqualTo("integer"));
    }

    [Test]
    public void ShouldStateTheTurnsRules()
    {
        var properties = Schema(Operation(WebhookPath).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"))
            .GetProperty("properties");

        Assert.Multiple(() =>
        {
            Assert.That(properties.GetProperty("speaker").GetProperty("pattern").GetString(), Is.EqualTo("^(agent|user)$"));
            Assert.That(properties.GetProperty("conversation_id").GetProperty("minLength").GetInt32(), Is.EqualTo(1));
            Assert.That(properties.GetProperty("conversation_id").GetProperty("maxLength").GetInt32(), Is.EqualTo(128));
            Assert.That(properties.GetProperty("message").GetProperty("minLength").GetInt32(), Is.EqualTo(1));
            Assert.That(properties.GetProperty("message").GetProperty("maxLength").GetInt32(), Is.EqualTo(20_000));
            Assert.That(properties.GetProperty("timestamp").GetProperty("description").GetString(), Does.Contain("RFC 3339"));
        });
    }

    [Test]
    public void ShouldRequireOnlyTheTypeOfAPostCallEvent()
    {
        var schema = Schema(Operation(PostCallPath).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.That(schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "type" }));
    }

    private JsonElement Operation(string path) => _document.GetProperty("paths").GetProperty(path).GetProperty("post");

    private static JsonElement JsonSchema(JsonElement response) => response.GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private IEnumerable<string> Properties(JsonElement schema) => Schema(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private JsonElement Schema(JsonElement schema) => schema.TryGetProperty("$ref", out var reference)
        ? _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
        : schema;
}
