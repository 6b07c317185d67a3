using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>Calls in EF Core's LINQ, on SQL Server; SQLite and PostgreSQL run their per-turn statements by hand (ADR 0007, 0014).</summary>
internal sealed class CallRepository(DbContextLease lease, ICallRowLock rowLock) : ICallRepository
{
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        rowLock.Select(lease.Current, conversationId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    public void Add(Call call) => lease.Current.Calls.Add(call);
}
