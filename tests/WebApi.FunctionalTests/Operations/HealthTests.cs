using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>The probes on a working database, and on one not yet migrated; on one out of reach in UnreachableDatabaseTests.</summary>
public class HealthTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldReportLive() => Assert.That((await Client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task ShouldReportReadyWhenTheDatabaseIsReachableAndMigrated() =>
        Assert.That((await Client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task ShouldNameEachReadinessCheckWithItsStatusAndDuration()
    {
        var response = await Client.GetAsync("/health/ready");

        var report = await ReadJsonAsync(response);
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(checks.Keys, Is.EquivalentTo(new[] { "database", "migrations", "elevenlabs_api" }));
            Assert.That(checks.Values.Select(c => c.GetProperty("status").GetString()), Has.All.EqualTo("Healthy"));
            Assert.That(checks.Values.Select(c => c.GetProperty("duration_ms").GetDouble()), Has.All.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public async Task ShouldReportNotReadyWhileMigrationsArePending()
    {
        await using var empty = await TestDatabase.CreateAsync(Kind);
        await empty.CreateEmptyAsync();

        await using var factory = new CallTranscriptionApiFactory(empty, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:StartupTimeout"] = "00:00:05",
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var checks = (await ReadJsonAsync(response)).GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.That(checks, Is.EquivalentTo(new Dictionary<string, string?> { ["database"] = "Healthy", ["migrations"] = "Unhealthy", ["elevenlabs_api"] = "Healthy" }));
    }
}
