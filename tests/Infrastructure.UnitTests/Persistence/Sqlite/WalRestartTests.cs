using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence.Sqlite;

/// <summary>
/// On a real SQLite file (ADR 0012): under load a checkpoint beside the writer always leaves the newest frames behind,
/// so SQLite never starts the log over; the writer's own checkpoint between batches finishes it, and its next
/// transaction writes from the beginning of the log again.
/// </summary>
public class WalRestartTests
{
    private string _directory = null!;
    private string _connectionString = null!;

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        _directory = Directory.CreateTempSubdirectory("calltranscription-wal-").FullName;
        _connectionString = $"Data Source={Path.Combine(_directory, "wal.db")}";
        await using var context = SqlitePersistence.CreateContext(_connectionString);
        await context.Database.MigrateAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task ShouldStartTheLogOverOnceTheWriterFinishesTheCheckpoint()
    {
        await using var session = await OpenSessionAsync();
        var behind = await LeaveTheCheckpointBehindAsync(session);

        var finished = session.TryFinishCheckpoint();
        await WriteTurnsAsync(session, from: 101, count: 1);
        var after = await PassiveCheckpointBesideTheWriterAsync();

        Assert.That(behind.Checkpointed, Is.LessThan(behind.Frames), "the pass beside the writer left frames behind");
        Assert.That(finished, Is.True, "nothing else was checkpointing, so the writer's checkpoint completed");
        Assert.That(after.Frames, Is.LessThan(behind.Frames / 4), "the next transaction wrote from the start of the log");
    }

    [Test]
    public async Task ShouldKeepGrowingTheLogWithoutTheWritersCheckpoint()
    {
        await using var session = await OpenSessionAsync();
        var behind = await LeaveTheCheckpointBehindAsync(session);

        await WriteTurnsAsync(session, from: 101, count: 1);
        var after = await PassiveCheckpointBesideTheWriterAsync();

        // The condition ADR 0012 fixes: each pass catches up only after the writer has moved on.
        Assert.That(after.Frames, Is.GreaterThan(behind.Frames));
    }

    /// <summary>
    /// What sustained load does: a checkpoint pass copies the frames it can while the writer keeps appending, so it
    /// ends behind. Here a reader's snapshot holds the pass back from the second batch, as the moving writer would.
    /// </summary>
    private async Task<(int Frames, int Checkpointed)> LeaveTheCheckpointBehindAsync(WriterSession session)
    {
        await WriteTurnsAsync(session, from: 1, count: 50, startCall: true);
        await using var reader = new SqliteConnection(_connectionString);
        await reader.OpenAsync();
        await using (var snapshot = reader.BeginTransaction(deferred: true))
        {
            await using var read = reader.CreateCommand();
            read.Transaction = snapshot;
            read.CommandText = "SELECT COUNT(*) FROM call_transcriptions";
            await read.ExecuteScalarAsync();
            await WriteTurnsAsync(session, from: 51, count: 50);
            return await PassiveCheckpointBesideTheWriterAsync();
        }
    }

    private async Task<WriterSession> OpenSessionAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteApplicationDbContext>();
        SqlitePersistence.Configure(options, _connectionString);
        return await WriterSession.OpenAsync(options.Options, walSizeLimitBytes: 1024 * 1024);
    }

    private static async Task WriteTurnsAsync(WriterSession session, int from, int count, bool startCall = false)
    {
        await using var transaction = await session.BeginTransactionAsync();
        session.Reset();
        if (startCall)
        {
            session.AddTracked(Call.StartedBy("conv_wal", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        }

        for (var turn = from; turn < from + count; turn++)
        {
            session.AddPending(new Transcription
            {
                ConversationId = "conv_wal", SpeakerType = SpeakerType.Agent, MessageText = $"Turn {turn}", Timestamp = DateTimeOffset.UnixEpoch,
                SequenceNumber = turn, ContentHash = $"{turn:x64}", CreatedAt = DateTimeOffset.UnixEpoch,
            });
        }

        await session.FlushAsync(CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>What WalCheckpointer runs, on a connection of its own: the log's frames, and how many reached the file.</summary>
    private async Task<(int Frames, int Checkpointed)> PassiveCheckpointBesideTheWriterAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(1), reader.GetInt32(2));
    }
}
