using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// SQLite's one writer, with group commit: the units of work waiting when a batch starts run one after another in one
/// transaction, each inside its own savepoint (a failing one rolls back alone), and one COMMIT — one fsync — makes the
/// whole batch durable. Each request is answered after that COMMIT, never before. See docs/performance.md.
/// </summary>
internal sealed partial class SqliteWriter(
    DbContextOptions<SqliteApplicationDbContext> options, WalCheckpointer checkpointer, ILogger<SqliteWriter> logger) : IAsyncDisposable
{
    public const int MaxBatchSize = 128;

    private readonly Channel<WriteItem> _queue = Channel.CreateUnbounded<WriteItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    public Task<T> ExecuteAsync<T>(Func<WriterSession, Task<T>> work, CancellationToken cancellationToken)
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
                checkpointer.Start();
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteItem>(MaxBatchSize);
        WriterSession? session = null;
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

                if (batch.Count > 0)
                {
                    session ??= await TryOpenSessionAsync(batch);
                    if (session is not null && checkpointer.RestartWanted)
                    {
                        FinishCheckpoint(session);
                    }

                    if (session is not null && !await WriteBatchAsync(session, batch))
                    {
                        // After a failed batch the connection may be broken: start the next one on a fresh session.
                        await session.DisposeAsync();
                        session = null;
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>Null, with the batch failed, when the database cannot be opened; the loop carries on either way.</summary>
    private async Task<WriterSession?> TryOpenSessionAsync(List<WriteItem> batch)
    {
        try
        {
            return await WriterSession.OpenAsync(options, checkpointer.WalSizeLimitBytes);
        }
        catch (Exception exception)
        {
            Fail(batch, exception);
            return null;
        }
    }

    private async Task<bool> WriteBatchAsync(WriterSession session, List<WriteItem> batch)
    {
        var written = new List<WriteItem>(batch.Count);
        try
        {
            await using var transaction = await session.BeginTransactionAsync();
            foreach (var item in batch)
            {
                if (await WriteOneAsync(session, item))
                {
                    written.Add(item);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            Fail(batch, exception); // no effect on items that already failed on their own
            return false;
        }

        foreach (var item in written)
        {
            item.Committed();
        }

        return true;
    }

    private static async Task<bool> WriteOneAsync(WriterSession session, WriteItem item)
    {
        session.Reset();
        session.Statements.Savepoint();
        try
        {
            await item.RunAsync(session);
            session.Statements.ReleaseSavepoint();
            return true;
        }
        catch (Exception exception)
        {
            // If even the rollback fails, the batch fails as a whole (WriteBatchAsync).
            session.Statements.RollbackToSavepoint();
            session.Statements.ReleaseSavepoint();
            item.Failed(exception);
            return false;
        }
    }

    // A checkpoint that fails costs nothing acknowledged: the log keeps growing until a later one finishes.
    private void FinishCheckpoint(WriterSession session)
    {
        try
        {
            if (session.TryFinishCheckpoint())
            {
                checkpointer.Restarted();
            }
        }
        catch (Exception exception)
        {
            LogCheckpointFailed(exception);
        }
    }

    private void Fail(List<WriteItem> batch, Exception exception)
    {
        LogBatchFailed(exception, batch.Count);
        foreach (var item in batch)
        {
            item.Failed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The writer could not finish a WAL checkpoint; the log grows until one finishes")]
    private partial void LogCheckpointFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SQLite write batch of {Count} failed and was rolled back; its requests are retried or answered 5xx")]
    private partial void LogBatchFailed(Exception exception, int count);
}
