using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.UnitTests.Persistence.Sqlite;

/// <summary>
/// On a real SQLite file: the service's connections never checkpoint their own commits, so the write-ahead log is
/// bounded by the checkpointer alone — copied beside the writes, and started over between two turns once it is long.
/// </summary>
public class WalCheckpointerTests
{
    private const long LimitBytes = 1024 * 1024;
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

        var finishedDuringTheTurn = await CheckpointDuringATurnAsync();

        Assert.That(finishedDuringTheTurn, Is.True, "a short log never waits for the turn in progress");
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
    public async Task ShouldStartTheLogOverOnceItPassesTheLimit()
    {
        await WriteUntilTheLogPassesAsync(LimitBytes);
        var length = new FileInfo(WalFile).Length;

        await CheckpointAsync();
        await WriteAsync(rows: 1);

        // The copy first: the PASSIVE pass that counts the log's frames copies the last write too.
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(_rows - 1), "every frame before it was copied");
        Assert.That(await FramesInTheLogAsync(), Is.LessThan(10), "the next write starts the log over");
        Assert.That(new FileInfo(WalFile).Length, Is.EqualTo(length), "over the blocks the file has, not a truncated file");
    }

    [Test]
    public async Task ShouldFinishTheCheckpointBetweenTwoTurns()
    {
        await WriteUntilTheLogPassesAsync(LimitBytes);
        var turn = await _gate.EnterAsync(CancellationToken.None);

        var checkpoint = CheckpointAsync();
        await WriteAsync(rows: 10); // the turn's own writes, after the checkpointer's PASSIVE pass
        await Task.Delay(200);
        var finishedDuringTheTurn = checkpoint.IsCompleted;
        await turn.DisposeAsync();
        await checkpoint;
        await WriteAsync(rows: 1);

        Assert.That(finishedDuringTheTurn, Is.False, "the checkpointer waits at the write gate");
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(_rows - 1), "the turn's frames were copied too");
        Assert.That(await FramesInTheLogAsync(), Is.LessThan(10), "the next write starts the log over");
    }

    [Test]
    public async Task ShouldTruncateAFileThatGrewPastTwiceTheLimit()
    {
        await WriteUntilTheLogPassesAsync(2 * LimitBytes);

        await CheckpointAsync();

        Assert.That(new FileInfo(WalFile).Length, Is.Zero, "the space given back");
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(_rows));
    }

    [Test]
    public async Task ShouldLeaveTheGateAtOnceWhenAReaderKeepsTheLogFromStartingOver()
    {
        await WriteUntilTheLogPassesAsync(LimitBytes);
        await using var reader = new SqliteConnection(_connectionString);
        await reader.OpenAsync();
        await using var snapshot = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM drivers";
            await read.ExecuteScalarAsync();
        }

        var checkpoint = Task.Run(CheckpointAsync);
        var finishedWhileTheReaderReads = await Task.WhenAny(checkpoint, Task.Delay(Patience)) == checkpoint;
        await snapshot.RollbackAsync();
        await checkpoint;

        Assert.That(finishedWhileTheReaderReads, Is.True, "no busy handler: a blocked checkpoint never waits in the gate");
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(_rows), "it still copied every frame it could");
    }

    private async Task CheckpointAsync()
    {
        var limit = Options.Create(new DatabaseOptions { WalSizeLimitMiB = (int)(LimitBytes / 1024 / 1024) });
        var checkpointer = new WalCheckpointer(
            new SqliteConnectionString(_connectionString), _gate, limit, TimeProvider.System, NullLogger<WalCheckpointer>.Instance);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await checkpointer.CheckpointAsync(connection, CancellationToken.None);
    }

    private async Task<bool> CheckpointDuringATurnAsync()
    {
        var turn = await _gate.EnterAsync(CancellationToken.None);
        var checkpoint = Task.Run(CheckpointAsync);
        var finished = await Task.WhenAny(checkpoint, Task.Delay(Patience)) == checkpoint;
        await turn.DisposeAsync();
        await checkpoint;
        return finished;
    }

    private async Task WriteUntilTheLogPassesAsync(long bytes)
    {
        while (!File.Exists(WalFile) || new FileInfo(WalFile).Length <= bytes)
        {
            await WriteAsync(rows: 16);
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
