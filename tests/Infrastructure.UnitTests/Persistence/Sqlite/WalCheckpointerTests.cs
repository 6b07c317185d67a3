using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.UnitTests.Persistence.Sqlite;

/// <summary>
/// On a real SQLite file: the service's connections never checkpoint their own commits, so the write-ahead log is
/// bounded by the checkpointer alone — copied beside the writes, and started over between two turns once it is long.
/// </summary>
public class WalCheckpointerTests
{
    private const int LimitMiB = 1;
    private const int PageSize = 4096;
    private const int LimitFrames = LimitMiB * 1024 * 1024 / PageSize;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private string _directory = null!;
    private string _connectionString = null!;
    private SqliteWriteGate _gate = null!;
    private int _rows;

    private string WalFile => Path.Combine(_directory, "wal.db-wal");

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        _directory = Directory.CreateTempSubdirectory("calltranscription-wal-").FullName;
        _connectionString = $"Data Source={Path.Combine(_directory, "wal.db")}";
        _gate = new SqliteWriteGate();
        _rows = 0;
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
    public async Task ShouldCopyAShortLogWithoutWaitingAtTheWriteGate()
    {
        await WriteAsync(rows: 10);
        var length = new FileInfo(WalFile).Length;

        var (finishedDuringTheTurn, outcome) = await CheckpointDuringATurnAsync();

        Assert.That(finishedDuringTheTurn, Is.True, "a short log never waits for the turn in progress");
        Assert.That(outcome, Is.EqualTo(WalCheckpointOutcome.Copied));
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(10), "the frames reached the database file");
        Assert.That(new FileInfo(WalFile).Length, Is.EqualTo(length), "a PASSIVE pass copies frames but keeps the file");
    }

    [Test]
    public async Task ShouldCopyBesideATurnInProgressWithoutTakingTheWriteLock()
    {
        await WriteAsync(rows: 10);
        await using var turn = new SqliteConnection(_connectionString);
        await turn.OpenAsync();

        // BEGIN IMMEDIATE: the turn holds the write lock.
        await using var transaction = await turn.BeginTransactionAsync();
        await using var checkpointer = new SqliteConnection(_connectionString);
        await checkpointer.OpenAsync();

        // A pass that wanted the write lock (FULL, RESTART) would report itself blocked here. Between two turns it
        // would take the lock and hold the next turn's BEGIN off: a RESTART pass here cost turns ~150 ms each.
        var pass = WalCheckpoint.Passive(checkpointer);

        Assert.That(pass.Blocked, Is.False);
        Assert.That(pass.CheckpointedFrames, Is.EqualTo(pass.LogFrames), "every committed frame copied");
    }

    [Test]
    public async Task ShouldFinishTheCheckpointBetweenTwoTurnsOnceTheLogPassesTheLimit()
    {
        await WriteUntilTheFileHoldsAsync(LimitFrames + 16);
        var length = new FileInfo(WalFile).Length;
        var turn = await _gate.EnterAsync(CancellationToken.None);

        var checkpoint = CheckpointAsync();
        await WriteAsync(rows: 10); // the turn's own writes, after the checkpointer's PASSIVE pass
        await Task.Delay(200);
        var finishedDuringTheTurn = checkpoint.IsCompleted;
        await turn.DisposeAsync();
        var outcome = await checkpoint;
        await WriteAsync(rows: 1);

        Assert.That(finishedDuringTheTurn, Is.False, "the checkpointer waits at the write gate");
        Assert.That(outcome, Is.EqualTo(WalCheckpointOutcome.Restarted));
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(_rows - 1), "the turn's frames were copied too");
        Assert.That(await FramesInTheLogAsync(), Is.LessThan(10), "the next write starts the log over");
        Assert.That(new FileInfo(WalFile).Length, Is.EqualTo(length), "over the blocks the file has, not a truncated file");
    }

    [Test]
    public async Task ShouldTruncateAFileThatGrewPastTwiceTheLimit()
    {
        await WriteUntilTheFileHoldsAsync(2 * LimitFrames + 16);

        var outcome = await CheckpointAsync();

        Assert.That(outcome, Is.EqualTo(WalCheckpointOutcome.Truncated));
        Assert.That(new FileInfo(WalFile).Length, Is.Zero, "the space given back");
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(_rows));
    }

    [Test]
    public async Task ShouldLeaveTheGateWithoutWaitingWhenAReaderKeepsTheLogFromStartingOver()
    {
        await WriteUntilTheFileHoldsAsync(LimitFrames + 16);
        await using var reader = await ReadAsync();
        await WriteAsync(rows: 10); // frames the reader's snapshot keeps in the log

        var checkpoint = Task.Run(() => CheckpointAsync());
        var finishedWhileTheReaderReads = await Task.WhenAny(checkpoint, Task.Delay(Patience)) == checkpoint;
        var gateFree = _gate.EnterAsync(CancellationToken.None).IsCompleted;

        Assert.That(finishedWhileTheReaderReads, Is.True, "no busy handler: a blocked checkpoint never waits in the gate");
        Assert.That(await checkpoint, Is.EqualTo(WalCheckpointOutcome.Blocked));
        Assert.That(gateFree, Is.True, "the checkpointer left the gate");
    }

    [Test]
    public async Task ShouldWarnOnceWhileReadersHoldALongLogAndAgainInTheNextSpell()
    {
        var logger = new RecordingLogger<WalCheckpointer>();
        var checkpointer = Checkpointer(logger);
        using var connection = checkpointer.Open();

        for (var spell = 1; spell <= 2; spell++)
        {
            await WriteAsync(rows: 4 * LimitFrames + 16); // at least a frame each
            await using (var reader = await ReadAsync())
            {
                await WriteAsync(rows: 10);
                Assert.That(await checkpointer.CheckpointAsync(connection, CancellationToken.None), Is.EqualTo(WalCheckpointOutcome.Blocked));
                Assert.That(await checkpointer.CheckpointAsync(connection, CancellationToken.None), Is.EqualTo(WalCheckpointOutcome.Blocked));
            }

            var warnings = logger.Entries.Count(entry => entry.Level == LogLevel.Warning);
            Assert.That(warnings, Is.EqualTo(spell), $"spell {spell}: one warning, not one a pass");
            Assert.That(await checkpointer.CheckpointAsync(connection, CancellationToken.None), Is.Not.EqualTo(WalCheckpointOutcome.Blocked));
            await WriteAsync(rows: 1); // the log starts over
        }
    }

    private WalCheckpointer Checkpointer(ILogger<WalCheckpointer> logger) =>
        new(new SqliteConnectionString(_connectionString), _gate, Options.Create(new DatabaseOptions { WalSizeLimitMiB = LimitMiB }),
            TimeProvider.System, logger);

    private async Task<WalCheckpointOutcome> CheckpointAsync()
    {
        var checkpointer = Checkpointer(NullLogger<WalCheckpointer>.Instance);
        using var connection = checkpointer.Open();
        return await checkpointer.CheckpointAsync(connection, CancellationToken.None);
    }

    private async Task<(bool Finished, WalCheckpointOutcome Outcome)> CheckpointDuringATurnAsync()
    {
        var turn = await _gate.EnterAsync(CancellationToken.None);
        var checkpoint = Task.Run(CheckpointAsync);
        var finished = await Task.WhenAny(checkpoint, Task.Delay(Patience)) == checkpoint;
        await turn.DisposeAsync();
        return (finished, await checkpoint);
    }

    /// <summary>A reader with an open snapshot: the log cannot start over while it reads.</summary>
    private async Task<SqliteConnection> ReadAsync()
    {
        // Not pooled: disposed, it closes, snapshot and all.
        var reader = new SqliteConnection($"{_connectionString};Pooling=False");
        await reader.OpenAsync();
        await using var read = reader.CreateCommand();
        read.CommandText = "BEGIN; SELECT COUNT(*) FROM drivers;";
        await read.ExecuteScalarAsync();
        return reader;
    }

    /// <summary>
    /// Writes until the fresh -wal file holds this many frames: a 32-byte header, then each page behind 24 bytes of its own.
    /// </summary>
    private async Task WriteUntilTheFileHoldsAsync(int frames)
    {
        while (!File.Exists(WalFile) || (new FileInfo(WalFile).Length - 32) / (PageSize + 24) < frames)
        {
            await WriteAsync(rows: 8);
        }
    }

    /// <summary>Rows of about a page each, one commit each, on the service's own connection settings.</summary>
    private async Task WriteAsync(int rows)
    {
        await using var context = SqlitePersistence.CreateContext(_connectionString);
        await context.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        for (var row = 0; row < rows; row++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO drivers (full_name, phone_number, created_at) VALUES ($name, '+15550100000', '2026-11-25 00:00:00+00:00')";
            command.Parameters.AddWithValue("$name", new string('x', 3000));
            await command.ExecuteNonQueryAsync();
            _rows++;
        }
    }

    /// <summary>The frames the log holds since it last started over, as a PASSIVE pass reports them.</summary>
    private async Task<int> FramesInTheLogAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return WalCheckpoint.Passive(connection).LogFrames;
    }

    /// <summary>What a copy of the database file without its log holds: only what checkpoints have copied into it.</summary>
    private async Task<long> RowsInTheDatabaseFileAloneAsync()
    {
        var copy = Path.Combine(_directory, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(Path.Combine(_directory, "wal.db"), copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM drivers";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
