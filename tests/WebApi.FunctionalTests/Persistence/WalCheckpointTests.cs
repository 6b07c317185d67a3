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
