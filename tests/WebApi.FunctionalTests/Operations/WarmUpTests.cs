using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>The service rehearses one turn before it listens, on each database, and leaves nothing of it behind.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Kinds))]
public class WarmUpTests(DatabaseKind kind)
{
    [Test]
    public async Task ShouldRehearseATurnBeforeListeningAndStoreNothing()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Database__MigrateOnStartup"] = "true",
        }))
        {
            await service.WaitUntilListeningAsync();

            var output = service.Output;
            Assert.That(output, Does.Contain("Database path warmed up in"));
            Assert.That(output.IndexOf("warmed up", StringComparison.Ordinal), Is.LessThan(output.IndexOf("Now listening on", StringComparison.Ordinal)));
            Assert.That(output, Does.Not.Contain("Warming up the database path failed"));
        }

        await using var context = database.CreateContext();
        Assert.That(await context.Calls.CountAsync(), Is.Zero);
        Assert.That(await context.CallTranscriptions.CountAsync(), Is.Zero);
    }
}
