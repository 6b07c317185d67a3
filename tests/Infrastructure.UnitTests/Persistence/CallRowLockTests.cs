using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>The SQL that serializes one conversation's turns, as each server database receives it.</summary>
public class CallRowLockTests
{
    [Test]
    public void ShouldHoldTheCallRowAndItsKeyRangeOnSqlServer()
    {
        var sql = SqlServerLock(schema: null);

        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.Contain("FROM [calls] WITH (UPDLOCK, HOLDLOCK)"));
            Assert.That(sql, Does.Contain("DECLARE @conversationId nvarchar(128) = N'conv_1';"), "typed as the column, so the index is seeked");
            Assert.That(sql, Does.Contain("WHERE [c].[conversation_id] = @conversationId"));
        });
    }

    [Test]
    public void ShouldLockTheTableInTheConfiguredSchemaOnSqlServer()
    {
        Assert.That(SqlServerLock(schema: "dev"), Does.Contain("FROM [dev].[calls] WITH (UPDLOCK, HOLDLOCK)"));
    }

    [Test]
    public void ShouldLockOnlyTheConversationsRowOnPostgres()
    {
        using var context = ProviderContexts.Create(DatabaseProvider.Postgres, "dev");

        var sql = PostgresTurnStatements.Statements.For(context).FindCallForUpdate;

        Assert.That(sql, Does.EndWith(" FROM dev.calls WHERE conversation_id = {0} FOR UPDATE"),
            "FOR UPDATE sits inside the filtering statement; around a subquery it would lock every call");
    }

    private static string SqlServerLock(string? schema)
    {
        using var context = ProviderContexts.Create(DatabaseProvider.SqlServer, schema);
        return new SqlServerCallRowLock().Select(context, "conv_1").ToQueryString();
    }
}
