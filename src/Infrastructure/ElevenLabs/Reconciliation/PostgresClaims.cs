using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

/// <summary>PostgreSQL: a transaction-level advisory lock on a 64-bit hash of the conversation id.</summary>
internal sealed class PostgresClaims(IServiceScopeFactory scopes) : TransactionLockClaims(scopes)
{
    protected override async Task<bool> TryLockAsync(DatabaseFacade database, string resource, CancellationToken cancellationToken)
    {
        var granted = await database
            .SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock(hashtextextended({0}, 0)) AS \"Value\"", resource)
            .ToListAsync(cancellationToken);
        return granted[0];
    }
}
