using System.Data;
using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// The SQL that serializes one conversation's turns, as each server database receives it (no server needed), and the
/// call found comes back tracked.
/// </summary>
public class CallRowLockTests
{
    [Test]
    public async Task ShouldHoldTheCallRowAndItsKeyRangeOnSqlServer()
    {
        var sent = await SendAsync(DatabaseProvider.SqlServer, schema: null);

        Assert.Multiple(() =>
        {
            Assert.That(sent.Sql, Does.Contain("FROM [calls] WITH (UPDLOCK, HOLDLOCK)"));
            Assert.That(sent.Sql, Does.Contain("WHERE [c].[conversation_id] = @conversationId"));
            Assert.That(sent.Parameters["@conversationId"], Is.EqualTo("NVarChar(128)"), "typed as the column, so the index is seeked");
        });
    }

    [TestCase(null)]
    [TestCase("dev")]
    public async Task ShouldLockOnlyTheConversationsRowOnPostgres(string? schema)
    {
        var sent = await SendAsync(DatabaseProvider.Postgres, schema);

        Assert.That(sent.Sql, Does.Contain("FROM calls WHERE conversation_id = @p0 FOR UPDATE"),
            "FOR UPDATE sits inside the filtering statement; around a subquery it would lock every call. Unqualified: the search_path finds it");
        Assert.That(sent.Parameters.Values, Is.EqualTo(new[] { "Text" }), "typed as the column, so the index is used");
    }

    [Test]
    public async Task ShouldTrackTheCallFoundSoThatAChangeIsSaved([Values(DatabaseProvider.SqlServer, DatabaseProvider.Postgres)] DatabaseProvider provider)
    {
        var recorder = new CommandRecorder { Answer = OneStoredCall() };
        await using var context = ProviderContexts.Create(provider, schema: null, recorder);

        var call = await RowLockOf(provider).FindAsync(context, "conv_1", CancellationToken.None);

        Assert.That(call!.ConversationId, Is.EqualTo("conv_1"));
        Assert.That(context.Entry(call).State, Is.EqualTo(EntityState.Unchanged));
    }

    private static ICallRowLock RowLockOf(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? new SqlServerCallRowLock() : new PostgresCallRowLock();

    private static async Task<RecordedCommand> SendAsync(DatabaseProvider provider, string? schema)
    {
        var recorder = new CommandRecorder();
        await using var context = ProviderContexts.Create(provider, schema, recorder);
        await RowLockOf(provider).FindAsync(context, "conv_1", CancellationToken.None);
        return recorder.Single;
    }

    // In the order EF Core selects the columns: the key, then the other properties by name.
    private static DataTable OneStoredCall()
    {
        var table = new DataTable();
        table.Columns.Add("id", typeof(int));
        table.Columns.Add("call_end_time", typeof(DateTimeOffset));
        table.Columns.Add("call_start_time", typeof(DateTimeOffset));
        table.Columns.Add("conversation_id", typeof(string));
        table.Columns.Add("created_at", typeof(DateTimeOffset));
        table.Columns.Add("driver_id", typeof(int));
        table.Columns.Add("status", typeof(string));
        table.Columns.Add("updated_at", typeof(DateTimeOffset));
        var at = DateTimeOffset.Parse("2026-11-21T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        table.Rows.Add(1, DBNull.Value, at, "conv_1", at, 7, "in_progress", at);
        return table;
    }
}
