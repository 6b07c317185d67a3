using CallTranscription.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Polly;

namespace CallTranscription.Infrastructure.Persistence;

internal sealed class UnitOfWork(ApplicationDbContext context, ResiliencePipeline pipeline, WriteGate writeGate) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            async token =>
            {
                using var _ = await writeGate.EnterAsync(token);
                return await RunInTransactionAsync(work, token);
            },
            cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => context.SaveChangesAsync(cancellationToken);

    private async Task<T> RunInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // A retry starts from what the database holds, never from the entities of a failed attempt.
        context.ChangeTracker.Clear();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
