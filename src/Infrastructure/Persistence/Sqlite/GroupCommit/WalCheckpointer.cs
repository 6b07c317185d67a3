using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// Checkpoints SQLite's write-ahead log on a connection of its own, so that the writer does not copy pages. Left to
/// SQLite, the commit that crosses 1,000 WAL pages copies them into the database file and fsyncs it: a 10–60 ms stall
/// for every request in that batch (docs/performance.md). A PASSIVE checkpoint runs beside the writer without blocking
/// it, but under sustained load it never quite catches up, and SQLite restarts the log only once one has: the log would
/// grow without end (ADR 0012). So when the log is long, the writer is asked to finish the checkpoint between two
/// batches — only the frames since the last pass — and its next transaction starts the log again from the beginning.
/// </summary>
internal sealed partial class WalCheckpointer(
    DbContextOptions<SqliteApplicationDbContext> options,
    IOptions<DatabaseOptions> databaseOptions,
    TimeProvider timeProvider,
    ILogger<WalCheckpointer> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const int PageSize = 4096; // SQLite's default, which the migrations keep

    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private int _restartWanted;

    /// <summary>The log is long: the writer should finish a checkpoint (WriterSession.TryFinishCheckpoint) when it can.</summary>
    public bool RestartWanted => Volatile.Read(ref _restartWanted) == 1;

    public void Restarted() => Volatile.Write(ref _restartWanted, 0);

    /// <summary>Database:WalSizeLimitMiB in bytes: also the size the log file is cut back to after a restart.</summary>
    public long WalSizeLimitBytes => databaseOptions.Value.WalSizeLimitMiB * 1024L * 1024L;

    private long RestartAfterFrames => WalSizeLimitBytes / PageSize;

    /// <summary>Called by the writer as it starts, under its start lock.</summary>
    public void Start() => _loop ??= Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(Interval, timeProvider);
            await using var context = new SqliteApplicationDbContext(options);
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                // Once the writer is asked to finish, stay out of its way: a pass of ours would make its checkpoint
                // find the checkpoint lock taken, and the log would keep growing meanwhile.
                if (!RestartWanted)
                {
                    Checkpoint(context);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // stopping; SQLite checkpoints once more when the last connection closes
        }
        catch (ObjectDisposedException)
        {
            // The host disposes the application's services before this singleton (newest first) and a pass fell
            // between the two: the host is stopping, as above.
        }
    }

    private void Checkpoint(ApplicationDbContext context)
    {
        try
        {
            context.Database.OpenConnection();
            var checkpoint = PassiveWalCheckpoint.Run((SqliteConnection)context.Database.GetDbConnection());
            if (checkpoint.LogFrames > 0)
            {
                LogCheckpointed(checkpoint.CheckpointedFrames, checkpoint.LogFrames);
                if (checkpoint.LogFrames >= RestartAfterFrames)
                {
                    Volatile.Write(ref _restartWanted, 1);
                }
            }
        }
        catch (Exception exception) when (exception is not ObjectDisposedException)
        {
            // The next tick tries again; meanwhile the log only grows, nothing is lost.
            LogFailed(exception);
            context.Database.CloseConnection();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint: {Checkpointed} of {Frames} frames in the database file")]
    private partial void LogCheckpointed(int checkpointed, int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying shortly")]
    private partial void LogFailed(Exception exception);
}
