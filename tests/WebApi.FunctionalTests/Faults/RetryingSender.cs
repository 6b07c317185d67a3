using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Faults;

/// <summary>
/// Delivers turns the way ElevenLabs does: retries on 5xx, 408, 429, timeouts and connection errors with backoff,
/// byte-identical each time; any other 4xx is final. The schedule is compressed from minutes to milliseconds.
/// </summary>
public sealed class RetryingSender(int maxAttempts = 40)
{
    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public async Task<AcknowledgedTurn> DeliverAsync(HttpClient client, Dictionary<string, object?> turn)
    {
        var body = JsonSerializer.Serialize(turn);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/webhooks/elevenlabs/transcription", content);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return new AcknowledgedTurn((string)turn["conversation_id"]!, (string)turn["message"]!,
                        json.GetProperty("transcription_id").GetInt32(), json.GetProperty("sequence_number").GetInt32());
                }

                var retryable = (int)response.StatusCode >= 500
                    || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                if (!retryable)
                {
                    Assert.Fail($"final {(int)response.StatusCode} for a valid turn: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // A timeout or a dropped connection: the turn may or may not be stored; deliver it again.
            }

            if (attempt >= maxAttempts)
            {
                Assert.Fail($"gave up on '{turn["message"]}' after {attempt} attempts");
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 25 * Math.Pow(2, Math.Min(attempt, 6)))));
        }
    }
}
