using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Checkpoints SQLite's write-ahead log beside the writes, on a connection of its own. A PASSIVE pass every
/// <see cref="Interval"/> copies new frames into the database file without blocking anyone; between turns it catches
/// up and the next write starts the log over. Under load that never pauses it never quite catches up, so once the log
/// passes Database:WalSizeLimitMiB the checkpointer waits at the write gate — between two turns — and truncates it.
/// </summary>
internal sealed partial class WalCheckpointer(
    SqliteConnectionString connectionString,
    IWriteGate gate,
    IOptions<DatabaseOptions> databaseOptions,
    TimeProvider timeProvider,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private const int PageSize = 4096; // SQLite's default, which the migrations keep

    private long TruncateAtFrames => databaseOptions.Value.WalSizeLimitMiB * 1024L * 1024L / PageSize;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= Open();
                    await CheckpointAsync(connection, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Nothing acknowledged depends on a checkpoint: the log only grows until the next one.
                    LogFailed(exception);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping; SQLite checkpoints once more when the last connection closes
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>One pass: PASSIVE, then, if the log is still long, TRUNCATE between two turns.</summary>
    internal async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pass = WalCheckpoint.Passive(connection);
        if (pass.LogFrames < TruncateAtFrames)
        {
            return;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            var truncated = WalCheckpoint.Truncate(connection);
            LogTruncated(pass.LogFrames, truncated.Blocked);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString.Value);
        connection.Open();
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WAL checkpoint: the log reached {Frames} frames and was truncated between two turns (blocked by a reader: {Blocked})")]
    private partial void LogTruncated(int frames, bool blocked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying shortly")]
    private partial void LogFailed(Exception exception);
}
