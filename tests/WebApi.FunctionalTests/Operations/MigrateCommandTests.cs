using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Startup;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>`-- migrate` as an operator runs it before a deploy, against each server database: creates, migrates, exits.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.ServerKinds))]
public class MigrateCommandTests(DatabaseKind kind)
{
    [Test]
    public async Task MigrateCommandShouldCreateAndMigrateTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var output = await StartupTests.RunToExitAsync(ExitCodes.Success, new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Default"] = database.ConnectionString,
        }, "migrate");

        Assert.That(output, Does.Contain($"{database.Provider} database migrated").And.Not.Contain("Now listening"));
        Assert.That(output, Does.Not.Contain("fail:"), "a first migration logs no failure");
        await using var context = database.CreateContext();
        Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await context.Database.GetAppliedMigrationsAsync(), Is.EqualTo(context.Database.GetMigrations()));
        Assert.That(await context.CallTranscriptions.CountAsync(), Is.Zero, "the tables exist, empty");
    }
}
