using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

/// <summary>Refusals that need a service configured otherwise: a rate limit, and no post-call secret.</summary>
public class RejectionTests
{
    private SqliteTestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new SqliteTestDatabase();

    [TearDown]
    public async Task DropDatabaseAsync() => await _database.DisposeAsync();

    [Test]
    public async Task ShouldCountRateLimitedAndUnconfiguredDeliveries()
    {
        var telemetry = new TelemetryCapture();
        await using var factory = new CallTranscriptionApiFactory(_database, new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "1",
            ["RateLimiting:Window"] = "01:00:00",
        }, telemetry.AddTo);
        using var client = factory.CreateClient();
        telemetry.Attach(factory.Services);
        var before = telemetry.ReadMetrics();

        var turn = new Dictionary<string, string> { ["conversation_id"] = "conv_limited", ["speaker"] = "agent", ["message"] = "Hi", ["timestamp"] = DateTimeOffset.UtcNow.ToString("O") };
        var first = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", turn);
        var second = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", turn);
        var postCall = await client.PostAsync("/webhooks/elevenlabs/post-call", new ByteArrayContent(PostCallEvents.InitiationFailure("conv_off", DateTimeOffset.UtcNow)));

        var after = telemetry.ReadMetrics();
        Assert.That((first.StatusCode, second.StatusCode, postCall.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable)));
        Assert.Multiple(() =>
        {
            Assert.That(Delta("webhook=transcription", "reason=rate_limited"), Is.EqualTo(1));
            Assert.That(Delta("webhook=post_call", "reason=not_configured"), Is.EqualTo(1));
        });

        double Delta(params string[] tags) =>
            after["calltranscription.webhook.rejected", tags] - before["calltranscription.webhook.rejected", tags];
    }
}
