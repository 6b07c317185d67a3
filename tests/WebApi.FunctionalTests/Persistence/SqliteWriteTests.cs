using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// SQLite only, over HTTP: what the embedded database adds to the one write path — another process holding the file's
/// write lock (its real transient fault), and the settings every service connection opens with. The shared SQLite
/// database, and for the write lock a service of the suite's own on it that gives up on a locked database sooner.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class SqliteWriteTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private const int SqliteBusy = 5;
    private const string RetryCategory = "CallTranscription.Infrastructure.Persistence.Resilience.DatabaseResiliencePipeline";

    private CallTranscriptionApiFactory _impatient = null!;
    private HttpClient _impatientClient = null!;

    // One second instead of Microsoft.Data.Sqlite's 30 before a locked database fails a statement, and two attempts.
    [OneTimeSetUp]
    public void StartImpatientService()
    {
        _impatient = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = Database.ConnectionString + ";Default Timeout=1",
            ["Database:Retry:BaseDelay"] = "00:00:00.010",
            ["Database:Retry:MaxAttempts"] = "2",
        });
        _impatientClient = _impatient.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopImpatientServiceAsync()
    {
        _impatientClient.Dispose();
        await _impatient.DisposeAsync();
    }

    [SetUp]
    public void ForgetEarlierLogs() => _impatient.Logs.Clear();

    [Test]
    public async Task ShouldRetryWhileAnotherProcessHoldsTheWriteLock()
    {
        await using var writeLock = await SqliteWriteLock.TakeAsync(Database.ConnectionString);

        var posting = PostTurnAsync(Turn("conv_blip"), _impatientClient);
        await WaitForBusyRetriesAsync(_impatient, count: 1);
        await writeLock.ReleaseAsync();
        var response = await posting;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StoredSequenceNumbersAsync(), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task ShouldAnswer500WhenAnotherProcessHoldsTheWriteLockThroughEveryAttempt()
    {
        await using var writeLock = await SqliteWriteLock.TakeAsync(Database.ConnectionString);

        var response = await PostTurnAsync(Turn("conv_down"), _impatientClient);
        await writeLock.ReleaseAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(BusyRetries(_impatient), Is.EqualTo(1), "two attempts: one retry");
        Assert.That(await StoredSequenceNumbersAsync(), Is.Empty);
    }

    [Test]
    public async Task ShouldOpenEveryServiceConnectionWithFullSyncAndABoundedLog()
    {
        // The second time round the connection comes from the pool, set up already.
        foreach (var round in new[] { "fresh", "pooled" })
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<CallTranscription.Infrastructure.Persistence.ApplicationDbContext>();
            await context.Database.OpenConnectionAsync();
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA wal_autocheckpoint";
            var autoCheckpoint = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA journal_size_limit";
            var journalSizeLimit = (long)(await command.ExecuteScalarAsync())!;
            await context.Database.CloseConnectionAsync();

            Assert.That((synchronous, autoCheckpoint, journalSizeLimit), Is.EqualTo((2L, 1000L, 16L * 1024 * 1024)),
                $"{round}: synchronous=FULL (2), SQLite's own checkpoints, journal_size_limit=16 MiB");
        }
    }

    private Task<List<int>> StoredSequenceNumbersAsync() => QueryAsync(db => db.CallTranscriptions.Select(t => t.SequenceNumber).ToListAsync());

    private static int BusyRetries(CallTranscriptionApiFactory factory) =>
        factory.Logs.Entries.Count(e => e.Category == RetryCategory && e.Exception is SqliteException { SqliteErrorCode: SqliteBusy });

    private static async Task WaitForBusyRetriesAsync(CallTranscriptionApiFactory factory, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (BusyRetries(factory) < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
