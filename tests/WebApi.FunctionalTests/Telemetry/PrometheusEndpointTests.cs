using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

public class PrometheusEndpointTests
{
    private SqliteTestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new SqliteTestDatabase();

    [TearDown]
    public async Task DropDatabaseAsync() => await _database.DisposeAsync();

    [Test]
    public async Task ShouldServeTheInstrumentsToAScraperWhenAskedToEvenUnderARateLimit()
    {
        await using var factory = new CallTranscriptionApiFactory(_database, new Dictionary<string, string?>
        {
            ["Telemetry:PrometheusEndpoint"] = "true",
            ["RateLimiting:PermitLimit"] = "1",
            ["RateLimiting:Window"] = "01:00:00",
        });
        using var client = factory.CreateClient();
        var turn = new Dictionary<string, string> { ["conversation_id"] = "conv_scraped", ["speaker"] = "agent", ["message"] = "Hi", ["timestamp"] = DateTimeOffset.UtcNow.ToString("O") };
        Assert.That((await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", turn)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var scrapes = new[] { await client.GetAsync("/metrics"), await client.GetAsync("/metrics"), await client.GetAsync("/metrics") };

        Assert.That(scrapes.Select(s => s.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        var text = await scrapes[^1].Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("calltranscription_turns_stored_total{").And.Contain("source=\"per_turn\"} 1"));
        Assert.That(text, Does.Contain("http_server_request_duration_seconds_bucket{"));
    }

    [Test]
    public async Task ShouldNotServeMetricsUnlessAskedTo()
    {
        await using var factory = new CallTranscriptionApiFactory(_database);
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
