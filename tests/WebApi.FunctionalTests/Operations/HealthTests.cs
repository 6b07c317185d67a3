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
    }
}
