using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// No SQL Server runs here, so the SQL Server schema is proven as text: docs/sql/sqlserver-schema.sql is what
/// `dotnet ef migrations script --idempotent` writes, and must stay exactly what the migrations generate.
/// </summary>
public class SqlServerSchemaScriptTests
{
    private const string Regenerate =
        "Regenerate it: dotnet ef migrations script --idempotent --project src/Infrastructure --context SqlServerApplicationDbContext -o docs/sql/sqlserver-schema.sql";

    [Test]
    public void ShouldMatchTheCheckedInScript()
    {
        var generated = RepositorySource.Normalize(IdempotentScript());

        Assert.That(generated, Is.EqualTo(RepositorySource.ReadNormalized(RepositorySource.SqlServerSchemaScript)), Regenerate);
    }

    [Test]
    public void ShouldCreateTheContractTablesWithSqlServerTypes()
    {
        var script = IdempotentScript();

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE TABLE [call_transcriptions]"));
            Assert.That(script, Does.Contain("[conversation_id] nvarchar(128) NOT NULL"));
            Assert.That(script, Does.Contain("[message_text] nvarchar(max) NOT NULL"));
            Assert.That(script, Does.Contain("[content_hash] nchar(64) NOT NULL"));
            Assert.That(script, Does.Contain("[timestamp] datetimeoffset NOT NULL"));
            Assert.That(script, Does.Contain("[id] int NOT NULL IDENTITY"));
            Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [ux_call_transcriptions_conversation_id_sequence_number] ON [call_transcriptions] ([conversation_id], [sequence_number])"));
            Assert.That(script, Does.Contain("CONSTRAINT [ak_calls_conversation_id] UNIQUE ([conversation_id])"));
        });
    }

    [Test]
    public void ShouldBeSafeToRunTwice()
    {
        var script = IdempotentScript();
        var historyGuard = script.Split("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL").Length - 1;
        var tables = script.Split("CREATE TABLE [").Length - 1 - historyGuard;
        var guards = script.Split("WHERE [MigrationId] = N'").Length - 1;

        Assert.That(historyGuard, Is.EqualTo(1), "the history table is created only if missing");
        Assert.That(tables, Is.EqualTo(5));
        Assert.That(guards, Is.GreaterThanOrEqualTo(tables), "every statement is guarded by the migration history");
    }

    private static string IdempotentScript()
    {
        using var context = ProviderContexts.Create(DatabaseProvider.SqlServer);
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}
