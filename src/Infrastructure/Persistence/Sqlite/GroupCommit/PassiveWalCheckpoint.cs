using Microsoft.Data.Sqlite;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// One `PRAGMA wal_checkpoint(PASSIVE)`: copies what it can of the write-ahead log into the database file without
/// waiting for readers or the writer, and reports how far it got. Run beside the writer (WalCheckpointer) and by the
/// writer itself between batches (WriterSession.TryFinishCheckpoint).
/// </summary>
internal readonly record struct PassiveWalCheckpoint(bool Blocked, int LogFrames, int CheckpointedFrames)
{
    /// <summary>Every frame of the log is in the database file: the next write transaction starts the log over.</summary>
    public bool Complete => !Blocked && LogFrames == CheckpointedFrames;

    public static PassiveWalCheckpoint Run(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PassiveWalCheckpoint(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2))
            : new PassiveWalCheckpoint(Blocked: true, LogFrames: 0, CheckpointedFrames: 0);
    }
}
