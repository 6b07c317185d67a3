using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// Checkpoints SQLite's write-ahead log on a connection of its own, so that the writer never does. Left to SQLite, the
/// commit that crosses 1,000 WAL pages copies them into the database file and fsyncs it: a 10–60 ms stall for every
/// request in that batch (docs/performance.md). A PASSIVE checkpoint runs beside the writer without blocking it.
/// </summary>
internal sealed partial class WalCheckpointer(
    DbContextOptions<SqliteApplicationDbContext> options, TimeProvider timeProvider, ILogger<WalCheckpointer> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

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
        using var timer = new PeriodicTimer(Interval, timeProvider);
        await using var context = new SqliteApplicationDbContext(options);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                Checkpoint(context);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // stopping; SQLite checkpoints once more when the last connection closes
        }
    }

    private void Checkpoint(ApplicationDbContext context)
    {
        try
        {
            context.Database.OpenConnection();
            using var command = ((SqliteConnection)context.Database.GetDbConnection()).CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            using var reader = command.ExecuteReader();
            if (reader.Read() && reader.GetInt32(1) > 0)
            {
                LogCheckpointed(reader.GetInt32(2), reader.GetInt32(1));
            }
        }
        catch (Exception exception)
        {
            // The next tick tries again; meanwhile the log only grows, nothing is lost.
            LogFailed(exception);
            context.Database.CloseConnection();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint: {Checkpointed} of {Frames} frames in the database file")]
    private partial void LogCheckpointed(int checkpointed, int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying in a second")]
    private partial void LogFailed(Exception exception);
}
