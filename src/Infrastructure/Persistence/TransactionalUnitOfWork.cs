using CallTranscription.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Polly;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>Server databases: each unit of work is its own transaction on the request's DbContext.</summary>
internal sealed class TransactionalUnitOfWork(DbContextLease lease, ResiliencePipeline pipeline, IEnumerable<IPendingRows> pendingRows) : IUnitOfWork
{
    private readonly IPendingRows[] _pendingRows = [.. pendingRows];

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(token => RunInTransactionAsync(work, token), cancellationToken);

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var context = lease.Current;
        if (context.ChangeTracker.HasChanges())
        {
            await context.SaveChangesAsync(cancellationToken);
        }

        foreach (var rows in _pendingRows)
        {
            await rows.WriteAsync(cancellationToken);
        }
    }

    private async ValueTask<T> RunInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var context = lease.Current;
        // A retry starts from what the database holds, never from the entities or rows of a failed attempt.
        context.ChangeTracker.Clear();
        foreach (var rows in _pendingRows)
        {
            rows.Discard();
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
