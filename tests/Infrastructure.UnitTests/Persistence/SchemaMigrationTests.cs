using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>Database:Schema: the schema-neutral migrations land in the configured schema, history table included.</summary>
public class SchemaMigrationTests
{
    [Test]
    public void ShouldCreateEveryTableInTheConfiguredSchemaOnSqlServer()
    {
        var script = Script(DatabaseProvider.SqlServer, "dev");

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE TABLE [dev].[__EFMigrationsHistory]"));
            foreach (var table in new[] { "drivers", "elevenlabs_call_records", "calls", "call_transcriptions" })
            {
                Assert.That(script, Does.Contain($"CREATE TABLE [dev].[{table}]"));
            }

            Assert.That(script, Does.Contain("REFERENCES [dev].[calls] ([conversation_id])"));
            Assert.That(script, Does.Contain("ON [dev].[call_transcriptions] ([conversation_id], [content_hash])"));
            Assert.That(script, Does.Not.Contain("CREATE TABLE [calls]"));
        });
    }

    [Test]
    public void ShouldCreateEveryTableInTheConfiguredSchemaOnPostgres()
    {
        var script = Script(DatabaseProvider.Postgres, "dev");

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE SCHEMA dev;"));
            Assert.That(script, Does.Contain("CREATE TABLE IF NOT EXISTS dev.\"__EFMigrationsHistory\""));
            Assert.That(script, Does.Contain("CREATE TABLE dev.call_transcriptions"));
            Assert.That(script, Does.Contain("REFERENCES dev.calls (conversation_id)"));
            Assert.That(script, Does.Not.Contain("CREATE TABLE calls"));
        });
    }

    [TestCase(DatabaseProvider.SqlServer)]
    [TestCase(DatabaseProvider.Postgres)]
    public void ShouldLeaveTablesUnqualifiedWithoutASchema(DatabaseProvider provider)
    {
        var script = Script(provider, schema: null);

        Assert.That(script, Does.Not.Contain("dev."));
        Assert.That(script, Does.Contain("CREATE TABLE"));
    }

    [Test]
    public void ShouldBuildOneModelPerSchema()
    {
        using var plain = ProviderContexts.Create(DatabaseProvider.SqlServer);
        using var dev = ProviderContexts.Create(DatabaseProvider.SqlServer, "dev");
        using var ops = ProviderContexts.Create(DatabaseProvider.SqlServer, "ops");

        Assert.That(plain.Model.FindEntityType(typeof(Domain.Calls.Call))!.GetSchema(), Is.Null);
        Assert.That(dev.Model.FindEntityType(typeof(Domain.Calls.Call))!.GetSchema(), Is.EqualTo("dev"));
        Assert.That(ops.Model.FindEntityType(typeof(Domain.Calls.Call))!.GetSchema(), Is.EqualTo("ops"));
    }

    private static string Script(DatabaseProvider provider, string? schema)
    {
        using var context = ProviderContexts.Create(provider, schema);
        return context.GetService<IMigrator>().GenerateScript();
    }
}
