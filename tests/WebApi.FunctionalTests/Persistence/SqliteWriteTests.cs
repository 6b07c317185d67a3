using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// SQLite only, over HTTP: what the embedded database adds to the one write path — another process holding the file's
/// write lock (its real transient fault), and the settings every service connection opens with.
/// </summary>
public class SqliteWriteTests
{
    private const int SqliteBusy = 5;
    private const string RetryCategory = "CallTranscription.Infrastructure.Persistence.Resilience.DatabaseResiliencePipeline";

    private SqliteTestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new SqliteTestDatabase();

    [TearDown]
    public async Task DeleteDatabaseAsync() => await _database.DisposeAsync();

    [Test]
    public async Task ShouldRetryWhileAnotherProcessHoldsTheWriteLock()
    {
        await using var factory = FactoryWithShortBusyTimeout();
        using var client = factory.CreateClient();
        await using var writeLock = await SqliteWriteLock.TakeAsync(_database.ConnectionString);

        var posting = PostTurnAsync(client, "conv_blip", "Hello");
        await WaitForBusyRetriesAsync(factory, count: 1);
        await writeLock.ReleaseAsync();
        var response = await posting;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StoredSequenceNumbersAsync(), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task ShouldAnswer500WhenAnotherProcessHoldsTheWriteLockThroughEveryAttempt()
    {
        await using var factory = FactoryWithShortBusyTimeout();
        using var client = factory.CreateClient();
        await using var writeLock = await SqliteWriteLock.TakeAsync(_database.ConnectionString);

        var response = await PostTurnAsync(client, "conv_down", "Hello");
        await writeLock.ReleaseAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(BusyRetries(factory), Is.EqualTo(2), "three attempts by default: two retries");
        Assert.That(await StoredSequenceNumbersAsync(), Is.Empty);
    }

    [Test]
    public async Task ShouldOpenEveryServiceConnectionWithFullSyncAndABoundedLog()
    {
        await using var factory = new CallTranscriptionApiFactory(_database);
        using var client = factory.CreateClient();

        // The second time round the connection comes from the pool, set up already.
        foreach (var round in new[] { "fresh", "pooled" })
        {
            await using var scope = factory.Services.CreateAsyncScope();
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

    private static Task<HttpResponseMessage> PostTurnAsync(HttpClient client, string conversationId, string message) =>
        client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, object?>
        {
            ["conversation_id"] = conversationId, ["speaker"] = "agent", ["message"] = message, ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        });

    private async Task<List<int>> StoredSequenceNumbersAsync()
    {
        await using var context = _database.CreateContext();
        return await context.CallTranscriptions.Select(t => t.SequenceNumber).ToListAsync();
    }

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

    // One second instead of Microsoft.Data.Sqlite's 30 before a locked database fails a statement.
    private CallTranscriptionApiFactory FactoryWithShortBusyTimeout() => new(
        _database,
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = _database.ConnectionString + ";Default Timeout=1",
            ["Database:Retry:BaseDelay"] = "00:00:00.010",
        });
}
