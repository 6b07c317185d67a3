using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// Calls on SQLite's writer. No row lock is needed: SQLite has one writer, and ours runs one unit of work at a time.
/// A new call is inserted by EF Core (once per conversation); the per-turn lookup is a prepared statement.
/// </summary>
internal sealed class SqliteCallRepository(WriterSessionLease lease) : ICallRepository
{
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(lease.Current.Statements.FindCall(conversationId));

    public void Add(Call call) => lease.Current.AddTracked(call);
}
