using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// Database:Schema on PostgreSQL is the connection's search_path: the history table is created in the schema (which
/// creates the schema), and everything else names no schema, so it lands where the search_path points.
/// </summary>
public class SchemaMigrationTests
{
    [Test]
    public void ShouldPointTheSearchPathAndTheHistoryTableAtTheSchema()
    {
        using var context = ProviderContexts.Create(DatabaseProvider.Postgres, "dev");
        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Multiple(() =>
        {
            Assert.That(new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString()).SearchPath, Is.EqualTo("\"dev\""));
            Assert.That(script, Does.Contain("CREATE SCHEMA dev;"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS dev.\"__EFMigrationsHistory\""));
            Assert.That(script, Does.Contain("CREATE TABLE calls ("), "unqualified, so the search_path places it");
            Assert.That(script, Does.Contain("REFERENCES calls (conversation_id)"));
        });
    }

    [Test]
    public void ShouldKeepTheConnectionsDefaultWithoutASchema()
    {
        using var context = ProviderContexts.Create(DatabaseProvider.Postgres);
        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Multiple(() =>
        {
            Assert.That(new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString()).SearchPath, Is.Null);
            Assert.That(script, Does.Not.Contain("CREATE SCHEMA"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\""));
        });
    }
}
