using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence.Sqlite;

/// <summary>
/// The service's SQLite settings on a real file: SQLite checkpoints the write-ahead log itself, so the log stays small
/// however much is committed; and a log a reader kept from starting over is cut back once it does.
/// </summary>
public class WriteAheadLogTests
{
    private const int CommitBytes = 256 * 1024;
    private const int Commits = 160; // 40 MiB in all, over twice the journal size limit

    private string _directory = null!;
    private ApplicationDbContext _context = null!;

    private long LogBytes => new FileInfo(Path.Combine(_directory, "wal.db-wal")).Length;

    [SetUp]
    public void OpenDatabase()
    {
        _directory = Directory.CreateTempSubdirectory("ct-wal-").FullName;
        _context = SqlitePersistence.CreateContext($"Data Source={Path.Combine(_directory, "wal.db")}");
        _context.Database.OpenConnection();
        _context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        _context.Database.ExecuteSqlRaw("CREATE TABLE filler (data BLOB NOT NULL);");
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _context.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void ShouldKeepTheLogSmallOverManyCommits()
    {
        Commit(Commits);

        Assert.That(LogBytes, Is.LessThanOrEqualTo(SqliteConnectionSetup.JournalSizeLimitBytes),
            $"{Commits * (long)CommitBytes / (1024 * 1024)} MiB committed");
    }

    [Test]
    public void ShouldCutBackALogAReaderKeptFromStartingOver()
    {
        using (var reader = new SqliteConnection(_context.Database.GetConnectionString() + ";Pooling=false"))
        {
            reader.Open();
            using var read = reader.CreateCommand();
            read.CommandText = "BEGIN; SELECT COUNT(*) FROM filler;";
            read.ExecuteScalar();

            Commit(Commits);
            Assert.That(LogBytes, Is.GreaterThan(2 * SqliteConnectionSetup.JournalSizeLimitBytes), "the open read kept the log from starting over");
        }

        // The first commit's checkpoint now copies the whole log; the next starts the log over and cuts the file back.
        Commit(3);

        Assert.That(LogBytes, Is.LessThanOrEqualTo(SqliteConnectionSetup.JournalSizeLimitBytes));
    }

    private void Commit(int commits)
    {
        for (var i = 0; i < commits; i++)
        {
            _context.Database.ExecuteSqlRaw($"INSERT INTO filler (data) VALUES (randomblob({CommitBytes}));");
        }
    }
}
