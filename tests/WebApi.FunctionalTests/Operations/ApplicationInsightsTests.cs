using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>Logs to Application Insights when a connection string names it: a service of each test's own, disposed to flush.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class ApplicationInsightsTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [TestCase("ApplicationInsights:ConnectionString")]
    [TestCase("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public async Task ShouldSendTheServiceLogsToApplicationInsights(string key)
    {
        using var ingestion = new FakeIngestionEndpoint();
        var factory = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?>
        {
            [key] = $"InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint={ingestion.Url}",
        });
        using (var client = factory.CreateClient())
        {
            var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
            {
                ["conversation_id"] = "conv_telemetry",
                ["speaker"] = "agent",
                ["message"] = "Hello",
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await factory.DisposeAsync(); // shutting down flushes the telemetry channel

        var item = await ingestion.WaitForAsync(IsRequestLineOf("conv_telemetry"), TimeSpan.FromSeconds(15));
        var properties = item.GetProperty("data").GetProperty("baseData").GetProperty("properties");
        Assert.That(item.GetProperty("data").GetProperty("baseType").GetString(), Is.EqualTo("MessageData"));
        Assert.That(properties.GetProperty("Path").GetString(), Is.EqualTo("/webhooks/elevenlabs/transcription"));
        Assert.That(properties.GetProperty("StatusCode").GetString(), Is.EqualTo("201"));
    }

    [Test]
    public void ShouldNotAddApplicationInsightsWithoutAConnectionString()
    {
        var providers = Factory.Services.GetServices<ILoggerProvider>();

        Assert.That(providers, Is.Not.Empty);
        Assert.That(providers.OfType<ApplicationInsightsLoggerProvider>(), Is.Empty);
    }

    private static Func<JsonElement, bool> IsRequestLineOf(string conversationId) => item =>
        item.TryGetProperty("data", out var data)
        && data.GetProperty("baseData").TryGetProperty("properties", out var properties)
        && properties.TryGetProperty("ConversationId", out var id) && id.GetString() == conversationId
        && properties.TryGetProperty("StatusCode", out _);
}
