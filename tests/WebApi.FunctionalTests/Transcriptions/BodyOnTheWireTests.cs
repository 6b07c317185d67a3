using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <summary>
/// Bodies as Kestrel parses them in production: chunked, and arriving in pieces over a socket. Kestrel enforces the
/// size limit itself on a chunked body, which the in-memory server does not.
/// </summary>
public class BodyOnTheWireTests
{
    private static readonly byte[] _oversized = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["conversation_id"] = "conv_big", ["speaker"] = "agent", ["message"] = new string('m', 70_000), ["timestamp"] = "2026-11-21T14:03:07Z",
    }));

    private DirectoryInfo _directory = null!;
    private ServiceProcess _service = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        _directory = Directory.CreateTempSubdirectory("calltranscription-wire-");
        _service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_directory.FullName, "wire.db")};Pooling=False",
        });
        await _service.WaitUntilListeningAsync();
        _client = new HttpClient { BaseAddress = _service.BaseAddress };
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Test]
    public async Task ShouldAnswerAChunkedBodyAsAContentLengthBody()
    {
        var withLength = await SendAsync(new ByteArrayContent(_oversized), chunked: false);
        var chunked = await SendAsync(new ByteArrayContent(_oversized), chunked: true);

        Assert.That(chunked.Request.Content!.Headers.ContentLength, Is.Null);
        Assert.That((withLength.Status, chunked.Status), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge)));
        Assert.That(chunked.Body, Is.EqualTo(withLength.Body));
        Assert.That(chunked.Body, Does.Contain("at most 65536 bytes"));
    }

    [Test]
    public async Task ShouldStoreATurnWhoseBodyArrivesInPieces()
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["conversation_id"] = "conv_pieces", ["speaker"] = "agent", ["message"] = "Hello, Mike.",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        }));

        var (status, answer, _) = await SendAsync(new PiecewiseContent(body, pieces: 3), chunked: true);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), answer);
        Assert.That(JsonDocument.Parse(answer).RootElement.GetProperty("sequence_number").GetInt32(), Is.EqualTo(1));
    }

    private async Task<(HttpStatusCode Status, string Body, HttpRequestMessage Request)> SendAsync(HttpContent content, bool chunked)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/elevenlabs/transcription") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        // A connection of its own (the server closes one whose body it refused), and no body sent before the server
        // asks for it: an answer that comes while the client is still sending can be lost to the connection's reset.
        request.Headers.ConnectionClose = true;
        request.Headers.ExpectContinue = true;
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), request);
    }
}
