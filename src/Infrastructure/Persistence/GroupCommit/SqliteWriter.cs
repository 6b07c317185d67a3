using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Infrastructure.Persistence.GroupCommit;

/// <summary>
/// SQLite's one writer, with group commit: the units of work waiting when a batch starts run one after another in one
/// transaction, each inside its own savepoint (a failing one rolls back alone), and one COMMIT — one fsync — makes the
/// whole batch durable. Each request is answered after that COMMIT, never before. See docs/performance.md.
/// </summary>
internal sealed partial class SqliteWriter(DbContextOptions<ApplicationDbContext> options, ILogger<SqliteWriter> logger) : IAsyncDisposable
{
    public const int MaxBatchSize = 128;
    private const string Savepoint = "turn";

    private readonly Channel<WriteItem> _queue = Channel.CreateUnbounded<WriteItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    public Task<T> ExecuteAsync<T>(Func<ApplicationDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new WriteItem<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The database writer has stopped.");
        }

        EnsureStarted();
        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // The host disposes singletons after the server has drained: finish what is queued, then stop.
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private void EnsureStarted()
    {
        if (_loop is null)
        {
            lock (_startLock)
            {
                _loop ??= Task.Run(RunAsync);
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteItem>(MaxBatchSize);
        ApplicationDbContext? context = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var item))
                {
                    if (!item.TryAbandon())
                    {
                        batch.Add(item);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                context ??= OpenContext();
                if (!await WriteBatchAsync(context, batch))
                {
                    // After a failed batch the connection may be broken: start the next one on a fresh context.
                    await context.DisposeAsync();
                    context = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            if (context is not null)
            {
                await context.DisposeAsync();
            }
        }
    }

    private ApplicationDbContext OpenContext()
    {
        var context = new ApplicationDbContext(options);
        context.Database.AutoSavepointsEnabled = false; // each unit of work already has its savepoint
        return context;
    }

    private async Task<bool> WriteBatchAsync(ApplicationDbContext context, List<WriteItem> batch)
    {
        var written = new List<WriteItem>(batch.Count);
        try
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            foreach (var item in batch)
            {
                if (await WriteOneAsync(context, transaction, item))
                {
                    written.Add(item);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            LogBatchFailed(exception, batch.Count);
            foreach (var item in batch)
            {
                item.Failed(exception); // no effect on items that already failed on their own
            }

            context.ChangeTracker.Clear();
            return false;
        }

        foreach (var item in written)
        {
            item.Committed();
        }

        return true;
    }

    private static async Task<bool> WriteOneAsync(ApplicationDbContext context, IDbContextTransaction transaction, WriteItem item)
    {
        context.ChangeTracker.Clear();
        await transaction.CreateSavepointAsync(Savepoint);
        try
        {
            await item.RunAsync(context);
            await transaction.ReleaseSavepointAsync(Savepoint);
            return true;
        }
        catch (Exception exception)
        {
            // If even the rollback fails, the batch fails as a whole (WriteBatchAsync).
            await transaction.RollbackToSavepointAsync(Savepoint);
            await transaction.ReleaseSavepointAsync(Savepoint);
            item.Failed(exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SQLite write batch of {Count} failed and was rolled back; its requests are retried or answered 5xx")]
    private partial void LogBatchFailed(Exception exception, int count);
}
