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
    private const int LimitMiB = 1;
    private const int PagesOverTheLimit = 2 * LimitMiB * 256;

    private string _directory = null!;
    private string _connectionString = null!;
    private SqliteWriteGate _gate = null!;

    private string WalFile => Path.Combine(_directory, "wal.db-wal");

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        _directory = Directory.CreateTempSubdirectory("calltranscription-wal-").FullName;
        _connectionString = $"Data Source={Path.Combine(_directory, "wal.db")}";
        _gate = new SqliteWriteGate();
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
    public async Task ShouldCopyTheLogIntoTheDatabaseFileAndKeepItWhileItIsShort()
    {
        await WriteAsync(rows: 10);
        var before = new FileInfo(WalFile).Length;

        await CheckpointAsync();

        Assert.That(new FileInfo(WalFile).Length, Is.EqualTo(before), "a PASSIVE pass copies frames but keeps the file");
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(10), "the frames reached the database file");
    }

    [Test]
    public async Task ShouldCopyBesideATurnInProgressWithoutTakingTheWriteLock()
    {
        await WriteAsync(rows: 10);
        await using var turn = new SqliteConnection(_connectionString);
        await turn.OpenAsync();
        await using var transaction = await turn.BeginTransactionAsync(); // BEGIN IMMEDIATE: the turn holds the write lock
        await using var checkpointer = new SqliteConnection(_connectionString);
        await checkpointer.OpenAsync();

        // A pass that wanted the write lock (FULL, RESTART) would report itself blocked here. Between two turns it would
        // take the lock and hold the next turn's BEGIN off: a RESTART pass here cost every few seconds' turns ~150 ms.
        var pass = WalCheckpoint.Passive(checkpointer);

        Assert.That(pass.Blocked, Is.False);
        Assert.That(pass.CheckpointedFrames, Is.EqualTo(pass.LogFrames), "every committed frame copied");
    }

    [Test]
    public async Task ShouldStartTheLogOverOnceItPassesTheLimit()
    {
        await WriteAsync(rows: PagesOverTheLimit);
        var length = new FileInfo(WalFile).Length;
        Assert.That(length, Is.GreaterThan(LimitMiB * 1024 * 1024), "the writes alone never checkpoint");

        await CheckpointAsync();
        await WriteAsync(rows: 1);

        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(PagesOverTheLimit), "every frame before it was copied");
        Assert.That(await FramesInTheLogAsync(), Is.LessThan(10), "the next write starts the log over");
        Assert.That(new FileInfo(WalFile).Length, Is.EqualTo(length), "over the blocks the file has, not a truncated file");
    }

    [Test]
    public async Task ShouldFinishTheCheckpointBetweenTwoTurns()
    {
        await WriteAsync(rows: PagesOverTheLimit);
        var turn = await _gate.EnterAsync(CancellationToken.None);

        var checkpoint = CheckpointAsync();
        await WriteAsync(rows: 10); // the turn's own writes, after the checkpointer's PASSIVE pass
        await Task.Delay(200);
        var finishedDuringTheTurn = checkpoint.IsCompleted;
        await turn.DisposeAsync();
        await checkpoint;
        await WriteAsync(rows: 1);

        Assert.That(finishedDuringTheTurn, Is.False, "the checkpointer waits at the write gate");
        Assert.That(await RowsInTheDatabaseFileAloneAsync(), Is.EqualTo(PagesOverTheLimit + 10), "the turn's frames were copied too");
        Assert.That(await FramesInTheLogAsync(), Is.LessThan(10), "the next write starts the log over");
    }

    private async Task CheckpointAsync()
    {
        var checkpointer = new WalCheckpointer(
            new SqliteConnectionString(_connectionString), _gate, Options.Create(new DatabaseOptions { WalSizeLimitMiB = LimitMiB }),
            TimeProvider.System, NullLogger<WalCheckpointer>.Instance);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await checkpointer.CheckpointAsync(connection, CancellationToken.None);
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
        var copy = Path.Combine(_directory, "copy.db");
        File.Copy(Path.Combine(_directory, "wal.db"), copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM drivers";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
