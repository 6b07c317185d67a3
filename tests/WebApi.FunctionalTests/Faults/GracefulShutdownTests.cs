using System.Net;
using System.Net.Http.Json;
using System.Globalization;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CallTranscription.WebApi.FunctionalTests.Faults;

[Parallelizable(ParallelScope.Self)]
public class GracefulShutdownTests
{
    [Test]
    public async Task ShouldFinishInFlightRequestsOnSigterm()
    {
        var directory = Directory.CreateTempSubdirectory("calltranscription-shutdown-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "service.db")};Pooling=False";
        try
        {
            await using var service = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Default"] = connectionString,
            });
            await service.WaitUntilListeningAsync();
            using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

            // Hold SQLite's write lock so the requests below are still in flight when SIGTERM arrives.
            await using var blocker = new SqliteConnection(connectionString);
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var write = blocker.CreateCommand())
            {
                write.CommandText = "INSERT INTO drivers (full_name, phone_number, created_at) VALUES ('lock holder', '+15550100000', '2026-01-01')";
                await write.ExecuteNonQueryAsync();
            }

            var inFlight = Enumerable.Range(1, 5).Select(i => client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
            {
                ["conversation_id"] = "conv_shutdown",
                ["speaker"] = "agent",
                ["message"] = $"in flight {i}",
                ["timestamp"] = DateTimeOffset.UtcNow.AddSeconds(-i).ToString("O", CultureInfo.InvariantCulture),
            })).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.That(inFlight.Any(t => t.IsCompleted), Is.False, "the requests must still be in flight");

            service.Terminate();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await transaction.RollbackAsync();

            var responses = await Task.WhenAll(inFlight);
            Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
            Assert.That(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero, service.Output);

            await using var check = blocker.CreateCommand();
            check.CommandText = "SELECT group_concat(sequence_number) FROM (SELECT sequence_number FROM call_transcriptions ORDER BY sequence_number)";
            Assert.That(await check.ExecuteScalarAsync(), Is.EqualTo("1,2,3,4,5"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
