using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.FunctionalTests.Operations;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

public class ApplicationInsightsExportTests
{
    private SqliteTestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new SqliteTestDatabase();

    [TearDown]
    public async Task DropDatabaseAsync() => await _database.DisposeAsync();

    [Test]
    public async Task ShouldSendRequestsDependenciesAndMetricsBesideTheLogsOnceEach()
    {
        using var ingestion = new FakeIngestionEndpoint();
        var factory = new CallTranscriptionApiFactory(_database, new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint={ingestion.Url}",

            // Every trace, not Azure Monitor's default of five a second (whose first second samples none).
            ["OTEL_TRACES_SAMPLER"] = "microsoft.fixed_percentage",
            ["OTEL_TRACES_SAMPLER_ARG"] = "1.0",
        });
        using (var client = factory.CreateClient())
        {
            var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
            {
                ["conversation_id"] = "conv_azure_monitor",
                ["speaker"] = "agent",
                ["message"] = "Hello",
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await factory.DisposeAsync(); // flushes both the logging channel and the exporters

        var request = await ingestion.WaitForAsync(item => BaseType(item) == "RequestData" && Name(item) == "POST /webhooks/elevenlabs/transcription", TimeSpan.FromSeconds(30));
        var operation = OperationId(request);
        static bool IsRequestLine(JsonElement item) =>
            BaseType(item) == "MessageData" && Property(item, "ConversationId") == "conv_azure_monitor" && Property(item, "StatusCode") is not null;

        // The logging provider's channel and the exporters send on their own schedules: the log may land after the request.
        await ingestion.WaitForAsync(IsRequestLine, TimeSpan.FromSeconds(30));
        var requestLines = ingestion.Items.Where(IsRequestLine).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ingestion.Items.Where(item => BaseType(item) == "RemoteDependencyData").Select(OperationId), Has.Member(operation));
            Assert.That(ingestion.Items.Where(item => BaseType(item) == "MetricData"), Is.Not.Empty);
            Assert.That(requestLines, Has.Count.EqualTo(1));
            Assert.That(OperationId(requestLines.Single()), Is.EqualTo(operation));
        });
    }

    private static string? BaseType(JsonElement item) =>
        item.TryGetProperty("data", out var data) && data.TryGetProperty("baseType", out var type) ? type.GetString() : null;

    private static string? Name(JsonElement item) =>
        item.GetProperty("data").GetProperty("baseData").TryGetProperty("name", out var name) ? name.GetString() : null;

    private static string? OperationId(JsonElement item) =>
        item.TryGetProperty("tags", out var tags) && tags.TryGetProperty("ai.operation.id", out var id) ? id.GetString() : null;

    private static string? Property(JsonElement item, string key) =>
        item.GetProperty("data").GetProperty("baseData").TryGetProperty("properties", out var properties) && properties.TryGetProperty(key, out var value)
            ? value.GetString()
            : null;
}
