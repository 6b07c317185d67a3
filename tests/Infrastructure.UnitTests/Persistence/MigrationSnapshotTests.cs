using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>Each provider's migrations and model snapshot must describe the model as it is (docs/decisions/0009).</summary>
public class MigrationSnapshotTests
{
    [TestCaseSource(typeof(ProviderContexts), nameof(ProviderContexts.All))]
    public void ShouldHaveNoModelChangesWithoutAMigration(DatabaseProvider provider)
    {
        using var context = ProviderContexts.Create(provider);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            $"The model changed without a {provider} migration: run `dotnet ef migrations add <Name> --project src/Infrastructure " +
            $"--context {context.GetType().Name} --output-dir Persistence/{provider}/Migrations` for each provider.");
    }

    [TestCaseSource(typeof(ProviderContexts), nameof(ProviderContexts.All))]
    public void ShouldCarryTheSameMigrationsOnEveryProvider(DatabaseProvider provider)
    {
        using var context = ProviderContexts.Create(provider);
        using var reference = ProviderContexts.Create(DatabaseProvider.Sqlite);

        Assert.That(context.Database.GetMigrations(), Is.Not.Empty.And.EqualTo(reference.Database.GetMigrations()),
            "every provider gets each migration, under the same id, so deployments on any of them move in step");
    }

    [TestCaseSource(typeof(ProviderContexts), nameof(ProviderContexts.All))]
    public void ShouldKeepTheIdOfTheMigrationAlreadyDeployed(DatabaseProvider provider)
    {
        using var context = ProviderContexts.Create(provider);

        // Databases created before the migrations were generated record this id; a new one would re-create the tables.
        Assert.That(context.Database.GetMigrations().First(), Is.EqualTo("20261121000000_InitialSchema"));
    }
}
