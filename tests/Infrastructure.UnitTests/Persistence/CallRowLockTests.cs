using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.SqlServer;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// The SQL that serializes one conversation's turns, as each server database receives it (no server needed): the same
/// whether the call comes back tracked or untracked.
/// </summary>
public class CallRowLockTests
{
    [Test]
    public async Task ShouldHoldTheCallRowAndItsKeyRangeOnSqlServer([Values] bool tracked)
    {
        var sent = await SendAsync(DatabaseProvider.SqlServer, schema: null, new SqlServerCallRowLock(), tracked);

        Assert.Multiple(() =>
        {
            Assert.That(sent.Sql, Does.Contain("FROM [calls] WITH (UPDLOCK, HOLDLOCK)"));
            Assert.That(sent.Sql, Does.Contain("WHERE [c].[conversation_id] = @conversationId"));
            Assert.That(sent.Parameters["@conversationId"], Is.EqualTo("NVarChar(128)"), "typed as the column, so the index is seeked");
        });
    }

    [Test]
    public async Task ShouldLockTheTableInTheConfiguredSchemaOnSqlServer()
    {
        var sent = await SendAsync(DatabaseProvider.SqlServer, schema: "dev", new SqlServerCallRowLock(), tracked: true);

        Assert.That(sent.Sql, Does.Contain("FROM [dev].[calls] WITH (UPDLOCK, HOLDLOCK)"));
    }

    [Test]
    public async Task ShouldLockOnlyTheConversationsRowOnPostgres([Values] bool tracked)
    {
        var sent = await SendAsync(DatabaseProvider.Postgres, schema: "dev", new PostgresCallRowLock(), tracked);

        Assert.That(sent.Sql, Does.Contain("FROM dev.calls WHERE conversation_id = @p0 FOR UPDATE"),
            "FOR UPDATE sits inside the filtering statement; around a subquery it would lock every call");
        Assert.That(sent.Parameters.Values, Is.EqualTo(new[] { "Text" }), "typed as the column, so the index is used");
    }

    private static async Task<RecordedCommand> SendAsync(DatabaseProvider provider, string? schema, ICallRowLock rowLock, bool tracked)
    {
        var recorder = new CommandRecorder();
        await using var context = ProviderContexts.Create(provider, schema, recorder);

        await rowLock.FindAsync(context, "conv_1", tracked, CancellationToken.None);

        return recorder.Single;
    }
}
