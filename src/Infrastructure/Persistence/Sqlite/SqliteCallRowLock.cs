using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence.Repositories;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>SQLite locks the whole file, not rows: its write gate and BEGIN IMMEDIATE already hold every other writer off.</summary>
internal sealed class SqliteCallRowLock : ICallRowLock
{
    public Task<Call?> FindAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken) =>
        CompiledQueries.CallByConversation.For(context)(context, conversationId, cancellationToken);
}
