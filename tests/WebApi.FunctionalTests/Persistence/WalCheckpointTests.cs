using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>SQLite only: its write-ahead log is checkpointed beside the writer, not by the writer's commits.</summary>
public class WalCheckpointTests
{
    private const string CheckpointerCategory = "CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit.WalCheckpointer";

    [Test]
    public async Task ShouldCheckpointTheWriteAheadLogOnItsOwnConnection()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new CallTranscriptionApiFactory(database, new Dictionary<string, string?>
        {
            [$"Logging:LogLevel:{CheckpointerCategory}"] = "Debug",
        });
        using var client = factory.CreateClient();

        for (var turn = 1; turn <= 20; turn++)
        {
            var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, object?>
            {
                ["conversation_id"] = "conv_wal", ["speaker"] = "agent", ["message"] = $"Turn {turn}",
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var checkpoint = await WaitForCheckpointAsync(factory);
        Assert.That(checkpoint.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That(Convert.ToInt32(checkpoint.Fields["Checkpointed"], System.Globalization.CultureInfo.InvariantCulture), Is.Positive,
            "the turns' WAL frames reached the database file without a writer commit doing it");
    }

    [Test]
    public async Task ShouldKeepTheWriteAheadLogBoundedUnderSustainedLoad()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new CallTranscriptionApiFactory(database, new Dictionary<string, string?> { ["Database:WalSizeLimitMiB"] = "1" });
        using var client = factory.CreateClient();
        var wal = new FileInfo(database.FilePath + "-wal");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));

        var senders = Enumerable.Range(0, 16).Select(i => SendUntilStoppedAsync(client, $"conv_wal_{i}", stop.Token)).ToList();
        long largest = 0;
        while (!stop.IsCancellationRequested)
        {
            wal.Refresh();
            largest = Math.Max(largest, wal.Exists ? wal.Length : 0);
            await Task.Delay(10, CancellationToken.None);
        }

        var stored = (await Task.WhenAll(senders)).Sum();
        var storedRows = await CountTurnsAsync(database);
        Assert.That(stored, Is.GreaterThan(2_000), "enough sustained load to outrun the background checkpoints");
        Assert.That(storedRows, Is.EqualTo(stored), "every acknowledged turn is in the database");
        Assert.That(largest, Is.LessThan(8L * 1024 * 1024),
            "with a 1 MiB limit the log restarts instead of growing with the load (measured: under 6 MiB here, and past 16 MiB within 4 s without the restart)");
    }

    private static async Task<int> SendUntilStoppedAsync(HttpClient client, string conversationId, CancellationToken stop)
    {
        var stored = 0;
        for (var turn = 1; !stop.IsCancellationRequested; turn++)
        {
            var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, object?>
            {
                ["conversation_id"] = conversationId, ["speaker"] = "agent", ["message"] = $"Turn {turn}",
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            }, CancellationToken.None);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            stored++;
        }

        return stored;
    }

    private static async Task<long> CountTurnsAsync(SqliteTestDatabase database)
    {
        await using var context = database.CreateContext();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(context.CallTranscriptions);
    }

    private static async Task<LogEntry> WaitForCheckpointAsync(CallTranscriptionApiFactory factory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var entry = factory.Logs.Entries.FirstOrDefault(e => e.Category == CheckpointerCategory);
            if (entry is not null)
            {
                return entry;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
