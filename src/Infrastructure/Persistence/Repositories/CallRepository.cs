using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>Calls on a server database (PostgreSQL, SQL Server); SQLite has its own (Sqlite/GroupCommit).</summary>
internal sealed class CallRepository(DbContextLease lease, ICallRowLock rowLock) : ICallRepository
{
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        rowLock.Select(lease.Current, conversationId).FirstOrDefaultAsync(cancellationToken);

    public void Add(Call call) => lease.Current.Calls.Add(call);
}
