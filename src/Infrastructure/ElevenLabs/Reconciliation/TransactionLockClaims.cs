using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

/// <summary>
/// A server database's claim: a lock named after the conversation, taken without waiting inside a transaction of its
/// own (its own scope and connection) and released when that transaction ends, so a crashed instance holds nothing.
/// It locks no row: the check's own unit of work takes the call's row for update, and must not wait on its claim
/// (docs/decisions/0026-reconciliation-claims.md).
/// </summary>
internal abstract class TransactionLockClaims(IServiceScopeFactory scopes) : IConversationClaims
{
    protected const string ResourcePrefix = "calltranscription.reconciliation:";

    public async Task<IAsyncDisposable?> TryClaimAsync(string conversationId, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            if (await TryLockAsync(context.Database, ResourcePrefix + conversationId, cancellationToken))
            {
                return new Claim(scope, transaction);
            }

            await transaction.DisposeAsync();
            await scope.DisposeAsync();
            return null;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the lock for the current transaction if it is free; never waits.</summary>
    protected abstract Task<bool> TryLockAsync(DatabaseFacade database, string resource, CancellationToken cancellationToken);

    private sealed class Claim(AsyncServiceScope scope, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync(); // rolls back: the lock goes with the transaction
            await scope.DisposeAsync();
        }
    }
}
