using Microsoft.Data.Sqlite;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// One `PRAGMA wal_checkpoint(...)`: PASSIVE copies what it can of the write-ahead log into the database file without
/// waiting for anyone; RESTART, run with no writer in the way, copies the rest, so that the next writer starts the log
/// over from its beginning; TRUNCATE does the same and empties the file.
/// </summary>
internal readonly record struct WalCheckpoint(bool Blocked, int LogFrames, int CheckpointedFrames)
{
    public static WalCheckpoint Passive(SqliteConnection connection) => Run(connection, "PASSIVE");

    public static WalCheckpoint Restart(SqliteConnection connection) => Run(connection, "RESTART");

    public static WalCheckpoint Truncate(SqliteConnection connection) => Run(connection, "TRUNCATE");

    private static WalCheckpoint Run(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new WalCheckpoint(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2))
            : new WalCheckpoint(Blocked: true, LogFrames: 0, CheckpointedFrames: 0);
    }
}
