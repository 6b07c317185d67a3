using System.Data;
using CallTranscription.Application.Common.Models;
using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// The SQL that serializes one conversation's turns, as each server database receives it (no server needed): the same
/// lock whether the call is found to be changed or only its state is read; and the call found comes back tracked.
/// </summary>
public class CallRowLockTests
{
    public enum Read
    {
        Call,
        State,
    }

    [Test]
    public async Task ShouldHoldTheCallRowAndItsKeyRangeOnSqlServer([Values] Read read)
    {
        var sent = await SendAsync(DatabaseProvider.SqlServer, schema: null, new SqlServerCallRowLock(), read);

        Assert.Multiple(() =>
        {
            Assert.That(sent.Sql, Does.Contain("FROM [calls] WITH (UPDLOCK, HOLDLOCK)"));
            Assert.That(sent.Sql, Does.Contain("WHERE [c].[conversation_id] = @conversationId"));
            Assert.That(sent.Parameters["@conversationId"], Is.EqualTo("NVarChar(128)"), "typed as the column, so the index is seeked");
        });
    }

    [Test]
    public async Task ShouldLockTheTableInTheConfiguredSchemaOnSqlServer([Values] Read read)
    {
        var sent = await SendAsync(DatabaseProvider.SqlServer, schema: "dev", new SqlServerCallRowLock(), read);

        Assert.That(sent.Sql, Does.Contain("FROM [dev].[calls] WITH (UPDLOCK, HOLDLOCK)"));
    }

    [Test]
    public async Task ShouldLockOnlyTheConversationsRowOnPostgres([Values] Read read)
    {
        var sent = await SendAsync(DatabaseProvider.Postgres, schema: "dev", new PostgresCallRowLock(), read);

        Assert.That(sent.Sql, Does.Contain("FROM dev.calls WHERE conversation_id = @p0 FOR UPDATE"),
            "FOR UPDATE sits inside the filtering statement; around a subquery it would lock every call");
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

    [Test]
    public async Task ShouldReadTheStateOfTheCallWithoutTrackingIt([Values(DatabaseProvider.SqlServer, DatabaseProvider.Postgres)] DatabaseProvider provider)
    {
        var recorder = new CommandRecorder { Answer = OneStoredState() };
        await using var context = ProviderContexts.Create(provider, schema: null, recorder);

        var state = await RowLockOf(provider).FindStateAsync(context, "conv_1", CancellationToken.None);

        Assert.That(state, Is.EqualTo(new CallState(CallStatus.Completed, DriverId: 7)));
        Assert.That(context.ChangeTracker.Entries(), Is.Empty);
    }

    private static ICallRowLock RowLockOf(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? new SqlServerCallRowLock() : new PostgresCallRowLock();

    private static async Task<RecordedCommand> SendAsync(DatabaseProvider provider, string? schema, ICallRowLock rowLock, Read read)
    {
        var recorder = new CommandRecorder();
        await using var context = ProviderContexts.Create(provider, schema, recorder);

        if (read == Read.Call)
        {
            await rowLock.FindAsync(context, "conv_1", CancellationToken.None);
        }
        else
        {
            await rowLock.FindStateAsync(context, "conv_1", CancellationToken.None);
        }

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

    private static DataTable OneStoredState()
    {
        var table = new DataTable();
        table.Columns.Add("status", typeof(string));
        table.Columns.Add("driver_id", typeof(int));
        table.Rows.Add("completed", 7);
        return table;
    }
}
