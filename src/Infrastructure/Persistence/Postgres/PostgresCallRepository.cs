using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>
/// Calls on PostgreSQL: the per-turn lookup takes the row lock with a statement of its own (ADR 0014), and attaches
/// the call so that a change to it is saved as if EF Core had read it; a new call is inserted by EF Core.
/// </summary>
internal sealed class PostgresCallRepository(DbContextLease lease) : ICallRepository
{
    public async Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var call = await PostgresTurnStatements.FindCallForUpdateAsync(lease.Current, conversationId, cancellationToken);
        if (call is not null)
        {
            lease.Current.Calls.Attach(call);
        }

        return call;
    }

    public void Add(Call call) => lease.Current.Calls.Add(call);
}
