using CallTranscription.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Polly;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// Every provider: each attempt at a unit of work is one transaction on the request's pooled DbContext, entered through
/// the provider's write gate. The retry pipeline re-runs the whole attempt; the unique indexes are the backstop.
/// </summary>
internal sealed class TransactionalUnitOfWork(ApplicationDbContext context, ResiliencePipeline pipeline, WriteGate gate) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(token => RunAttemptAsync(work, token), cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => context.SaveChangesAsync(cancellationToken);

    private async ValueTask<T> RunAttemptAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        try
        {
            // A retry starts from what the database holds, never from the entities of a failed attempt.
            context.ChangeTracker.Clear();

            // A failed attempt is rolled back whole and run again, so SaveChanges needs no savepoint of its own.
            context.Database.AutoSavepointsEnabled = false;
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            return result;
        }
        finally
        {
            gate.Leave();
        }
    }
}
