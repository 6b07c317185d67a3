using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>
/// Calls on PostgreSQL: the per-turn lookup takes the row lock with a statement of its own (ADR 0014); a new call is
/// inserted by EF Core.
/// </summary>
internal sealed class PostgresCallRepository(DbContextLease lease) : ICallRepository
{
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        PostgresTurnStatements.FindCallForUpdateAsync(lease.Current, conversationId, cancellationToken);

    public void Add(Call call) => lease.Current.Calls.Add(call);
}
