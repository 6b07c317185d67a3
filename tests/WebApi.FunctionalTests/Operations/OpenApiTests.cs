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

    [Test]
    public async Task ShouldDescribeTheSpeakerAsAnEnumAndTheLengthLimits()
    {
        var (document, operation) = await WebhookOperationAsync(Client);

        var properties = Resolve(document, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"))
            .GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(properties.GetProperty("speaker").GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "agent", "user" }));
            Assert.That(properties.GetProperty("conversation_id").GetProperty("minLength").GetInt32(), Is.EqualTo(1));
            Assert.That(properties.GetProperty("conversation_id").GetProperty("maxLength").GetInt32(), Is.EqualTo(128));
            Assert.That(properties.GetProperty("message").GetProperty("minLength").GetInt32(), Is.EqualTo(1));
            Assert.That(properties.GetProperty("message").GetProperty("maxLength").GetInt32(), Is.EqualTo(20_000));
            Assert.That(properties.GetProperty("timestamp").GetProperty("format").GetString(), Is.EqualTo("date-time"));
        });
    }

    [Test]
    public async Task ShouldDescribeTheIdsAsIntegers()
    {
        var (document, operation) = await WebhookOperationAsync(Client);

        var created = operation.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json");
        var properties = Resolve(document, created.GetProperty("schema")).GetProperty("properties");
        foreach (var id in new[] { "transcription_id", "sequence_number" })
        {
            Assert.That(properties.GetProperty(id).GetProperty("type").ToString(), Is.EqualTo("integer"), id);
            Assert.That(properties.GetProperty(id).TryGetProperty("pattern", out _), Is.False, id);
        }
    }

    [Test]
    public async Task ShouldListOnlyTheMediaTypeThatIsSent()
    {
        var (_, operation) = await WebhookOperationAsync(Client);

        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            Assert.That(response.Value.GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/json" }), response.Name);
        }

        Assert.That(operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/json" }));
    }

    [Test]
    public async Task ShouldDescribeTheSignatureAndReplayHeaders()
    {
        var (document, operation) = await WebhookOperationAsync(Client);

        var signature = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ElevenLabs-Signature");
        Assert.That(signature.GetProperty("in").GetString(), Is.EqualTo("header"));
        Assert.That(signature.TryGetProperty("required", out var required) && required.GetBoolean(), Is.False, "no secret is configured");
        var replayed = operation.GetProperty("responses").GetProperty("201").GetProperty("headers").GetProperty("Idempotent-Replayed");
        Assert.That(replayed.GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("string"));
        Assert.That(operation.TryGetProperty("security", out _), Is.False);
        Assert.That(document.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out _), Is.False);
    }

    [Test]
    public async Task ShouldDescribeTheSignatureAsASecuritySchemeWhenASecretIsConfigured()
    {
        await using var signed = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?> { ["ElevenLabs:WebhookSecret"] = "wsec_openapi" });
        using var client = signed.CreateClient();

        var (document, operation) = await WebhookOperationAsync(client);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single();
        Assert.Multiple(() =>
        {
            Assert.That(scheme.Value.GetProperty("type").GetString(), Is.EqualTo("apiKey"));
            Assert.That(scheme.Value.GetProperty("in").GetString(), Is.EqualTo("header"));
            Assert.That(scheme.Value.GetProperty("name").GetString(), Is.EqualTo("ElevenLabs-Signature"));
            Assert.That(operation.GetProperty("security").EnumerateArray().Single().EnumerateObject().Single().Name, Is.EqualTo(scheme.Name));
            Assert.That(operation.GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "ElevenLabs-Signature").GetProperty("required").GetBoolean(), Is.True);
        });
        Assert.That(document.ToString(), Does.Not.Contain("wsec_openapi"));
    }

    private static async Task<(JsonElement Document, JsonElement Operation)> WebhookOperationAsync(HttpClient client)
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        return (document, document.GetProperty("paths").GetProperty(WebhookPath).GetProperty("post"));
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
