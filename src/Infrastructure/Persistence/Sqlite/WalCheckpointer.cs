using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Checkpoints SQLite's write-ahead log beside the writes, on a connection of its own. A PASSIVE pass every
/// <see cref="Interval"/> copies new frames into the database file without blocking anyone; between turns it catches
/// up and the next write starts the log over. Under load that never pauses it never quite catches up, so once the log
/// passes Database:WalSizeLimitMiB the checkpointer waits at the write gate — between two turns — and finishes the
/// checkpoint, so that the next turn starts the log over.
/// </summary>
/// <remarks>
/// Started over, not truncated: the next commits overwrite blocks the file already has, and an fsync of those costs
/// less than one of a file that grows (docs/performance.md). A file a burst grew past twice the limit is truncated
/// instead, at the next pass, so that it gives the space back.
/// </remarks>
internal sealed partial class WalCheckpointer(
    SqliteConnectionString connectionString,
    IWriteGate gate,
    IOptions<DatabaseOptions> databaseOptions,
    TimeProvider timeProvider,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private long _pageSize = 4096; // SQLite's default, until the file says otherwise
    private bool _warnedOfALongLog;

    private long LimitBytes => databaseOptions.Value.WalSizeLimitMiB * 1024L * 1024L;

    private long RestartAtFrames => LimitBytes / _pageSize;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        SqliteConnection? connection = null;
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= Open();
                    await CheckpointAsync(connection, stoppingToken);
                    failing = false;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Nothing acknowledged depends on a checkpoint: the log only grows until the next one. Said once
                    // per spell of failures, not five times a second.
                    if (!failing)
                    {
                        LogFailed(exception);
                    }

                    failing = true;
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

    /// <summary>One pass: PASSIVE beside the writes, then, if the log is long, RESTART (or TRUNCATE) between two turns.</summary>
    internal async Task<WalCheckpointOutcome> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pass = WalCheckpoint.Passive(connection);
        var truncating = new FileInfo(connection.DataSource + "-wal") is { Exists: true } file && file.Length > 2 * LimitBytes;

        // Even a pass that copied everything it saw goes on to the gate: under load a turn commits while it runs, so
        // the next write would not start the log over.
        if (!truncating && pass.LogFrames < RestartAtFrames)
        {
            _warnedOfALongLog = false;
            return WalCheckpointOutcome.Copied;
        }

        WalCheckpoint checkpoint;
        await using (await gate.EnterAsync(cancellationToken))
        {
            // The connection has no busy handler: a reader still in the log (a health probe, say) makes the checkpoint
            // report itself blocked at once, rather than hold the gate while it waits.
            checkpoint = truncating ? WalCheckpoint.Truncate(connection) : WalCheckpoint.Restart(connection);
        }

        return Report(checkpoint, pass.LogFrames, truncating);
    }

    private WalCheckpointOutcome Report(WalCheckpoint checkpoint, int frames, bool truncating)
    {
        if (checkpoint.Blocked)
        {
            if (frames >= 4 * RestartAtFrames && !_warnedOfALongLog)
            {
                _warnedOfALongLog = true;
                LogLongLogBlocked(frames);
            }
            else
            {
                LogRestartBlocked(frames);
            }

            return WalCheckpointOutcome.Blocked;
        }

        _warnedOfALongLog = false;
        if (truncating)
        {
            LogTruncated(frames);
            return WalCheckpointOutcome.Truncated;
        }

        LogRestarted(frames);
        return WalCheckpointOutcome.Restarted;
    }

    // ReadWrite, not the default ReadWriteCreate: the migrations create the file, never the checkpointer.
    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString.Value) { Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();

        // The service's connection settings: a checkpoint fsyncs the database file before the log is reused only if
        // this connection syncs at all.
        command.CommandText = SqliteConnectionSetup.Pragmas;
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA page_size";
        _pageSize = (long)command.ExecuteScalar()!;
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint: the log reached {Frames} frames and starts over at the next turn")]
    private partial void LogRestarted(int frames);

    [LoggerMessage(Level = LogLevel.Information, Message = "WAL checkpoint: the log reached {Frames} frames, its file more than twice Database:WalSizeLimitMiB, and was truncated between two turns")]
    private partial void LogTruncated(int frames);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint: the log reached {Frames} frames; a reader kept it from starting over, trying again shortly")]
    private partial void LogRestartBlocked(int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint: the log reached {Frames} frames, four times Database:WalSizeLimitMiB, and readers keep it from starting over; said once until it does")]
    private partial void LogLongLogBlocked(int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying every pass, logged again once one succeeds and another fails")]
    private partial void LogFailed(Exception exception);
}
