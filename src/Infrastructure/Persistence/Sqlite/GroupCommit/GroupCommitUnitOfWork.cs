using CallTranscription.Application.Common.Interfaces;
using Polly;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// SQLite: the unit of work runs on the single writer's session, inside a batch that commits once for many
/// requests. The retry pipeline resubmits the whole unit of work when its batch failed transiently.
/// </summary>
internal sealed class GroupCommitUnitOfWork(
    DbContextLease contextLease, WriterSessionLease sessionLease, SqliteWriter writer, ResiliencePipeline pipeline) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            async token => await writer.ExecuteAsync(
                async session =>
                {
                    using var borrowedContext = contextLease.Use(session.Context);
                    using var borrowedSession = sessionLease.Use(session);
                    return await work(CancellationToken.None);
                },
                token),
            cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => sessionLease.Current.FlushAsync(cancellationToken);
}
