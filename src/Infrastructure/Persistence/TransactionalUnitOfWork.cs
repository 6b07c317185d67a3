using CallTranscription.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Polly;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>Server databases: each unit of work is its own transaction on the request's DbContext.</summary>
internal sealed class TransactionalUnitOfWork(DbContextLease lease, ResiliencePipeline pipeline) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(token => RunInTransactionAsync(work, token), cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => lease.Current.SaveChangesAsync(cancellationToken);

    private async ValueTask<T> RunInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var context = lease.Current;
        // A retry starts from what the database holds, never from the entities of a failed attempt.
        context.ChangeTracker.Clear();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
