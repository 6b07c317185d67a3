using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CallTranscription.Bench;

/// <summary>
/// Many concurrent conversations, turns sequential within each (as ElevenLabs sends them), for a bounded time.
/// Latencies count only after the warm-up; every acknowledged sequence number is kept for the audit.
/// </summary>
internal static class LoadDriver
{
    public const string Path = "/webhooks/elevenlabs/transcription";

    public static async Task<(List<double> LatenciesMs, long Requests, long NonSuccess, double Seconds, Acknowledged Acknowledged)> RunAsync(
        Uri baseAddress, string conversationPrefix, int conversations, TimeSpan warmup, TimeSpan duration)
    {
        using var client = CreateClient(baseAddress, conversations);
        var acknowledged = new Acknowledged();
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, conversations).Select(i => Task.Run(async () =>
        {
            var conversationId = $"{conversationPrefix}-{i}";
            var latencies = new List<double>(capacity: 4096);
            long requests = 0, nonSuccess = 0;
            for (var turn = 1; Stopwatch.GetTimestamp() < end; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, sequence) = await PostAsync(client, TurnBodies.For(conversationId, turn));
                var finished = Stopwatch.GetTimestamp();
                if (status == HttpStatusCode.Created)
                {
                    acknowledged.Add(conversationId, sequence);
                }

                if (started >= measureFrom && finished <= end)
                {
                    requests++;
                    latencies.Add((finished - started) * 1000.0 / Stopwatch.Frequency);
                    if (status != HttpStatusCode.Created)
                    {
                        nonSuccess++;
                    }
                }
            }

            return (latencies, requests, nonSuccess);
        })));

        var all = perWorker.SelectMany(w => w.latencies).ToList();
        all.Sort();
        return (all, perWorker.Sum(w => w.requests), perWorker.Sum(w => w.nonSuccess), duration.TotalSeconds, acknowledged);
    }

    public static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<(HttpStatusCode Status, int Sequence)> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(Path, content);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (response.StatusCode, 0);
            }

            await using var stream = await response.Content.ReadAsStreamAsync();
            using var json = await JsonDocument.ParseAsync(stream);
            return (response.StatusCode, json.RootElement.GetProperty("sequence_number").GetInt32());
        }
        catch (HttpRequestException)
        {
            return (HttpStatusCode.ServiceUnavailable, 0);
        }
    }
}

/// <summary>Sequence numbers the server acknowledged, per conversation, in the order it sent them.</summary>
internal sealed class Acknowledged
{
    private readonly Dictionary<string, List<int>> _byConversation = [];

    public IReadOnlyDictionary<string, List<int>> ByConversation => _byConversation;

    public long Total
    {
        get
        {
            lock (_byConversation)
            {
                return _byConversation.Values.Sum(v => (long)v.Count);
            }
        }
    }

    public void Add(string conversationId, int sequence)
    {
        lock (_byConversation)
        {
            if (!_byConversation.TryGetValue(conversationId, out var list))
            {
                _byConversation[conversationId] = list = [];
            }

            list.Add(sequence);
        }
    }
}
