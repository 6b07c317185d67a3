using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CallTranscription.Bench.Loads;

/// <summary>The webhook from .NET, for the long call (wrk drives the loads): each 201's sequence number is kept.</summary>
internal static class WebhookClient
{
    public const string Path = "/webhooks/elevenlabs/transcription";

    public static HttpClient Create(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<(HttpStatusCode Status, int Sequence)> PostAsync(HttpClient client, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(Path, content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (response.StatusCode, 0);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return (response.StatusCode, json.RootElement.GetProperty("sequence_number").GetInt32());
        }
        catch (HttpRequestException)
        {
            return (HttpStatusCode.ServiceUnavailable, 0);
        }
    }
}
