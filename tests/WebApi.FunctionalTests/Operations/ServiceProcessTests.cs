using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>
/// One real process for the suite, started as a systemd unit without WorkingDirectory starts it: from another directory,
/// with the shipped settings alone. What only a process shows: the files it reads and writes, its console, and bodies
/// as Kestrel parses them in production (chunked, and arriving in pieces over a socket; Kestrel enforces the size limit
/// itself on a chunked body, which the in-memory server does not).
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class ServiceProcessTests
{
    private const string RequestCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

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
        _directory = Directory.CreateTempSubdirectory("calltranscription-process-");
        _service = ServiceProcess.StartIn(_directory.FullName, new Dictionary<string, string>());
        await _service.WaitUntilListeningAsync();
        _client = new HttpClient { BaseAddress = _service.BaseAddress };
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        _client.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }

    [Test]
    public void ShouldReadItsOwnSettingsWhateverDirectoryItStartsIn()
    {
        // appsettings.json keeps EF Core at Warning; without it, migrating logs every statement at Information.
        Assert.That(_service.Output, Does.Contain("Sqlite database migrated").And.Not.Contain("Executed DbCommand"));
        Assert.That(File.Exists(Path.Combine(_directory.FullName, "calltranscription.db")), Is.True, "the default file is in the working directory");
    }

    [Test]
    public void ShouldWarmUpBeforeListening()
    {
        var output = _service.Output;

        Assert.That(output.IndexOf("Database reads warmed up in", StringComparison.Ordinal), Is.InRange(0, output.IndexOf("Now listening on", StringComparison.Ordinal)));
        Assert.That(output, Does.Not.Contain("Warming up the database reads failed"));
    }

    [Test]
    public async Task ShouldPrintEachRequestOnOneTimestampedLineInTheSimpleFormat()
    {
        var response = await _client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
        {
            ["conversation_id"] = "conv_console",
            ["speaker"] = "agent",
            ["message"] = "Hello",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), _service.Output);

        var line = await _service.WaitForLineAsync(l => l.Contains(RequestCategory, StringComparison.Ordinal) && l.Contains("conv_console", StringComparison.Ordinal));

        Assert.That(line, Does.Match(
            @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info: " + RequestCategory + @"\[\d+\] => SpanId:[0-9a-f]{16}, TraceId:(?<trace>[0-9a-f]{32}), .* Request and Response: "
            + @".*Method: POST .*Path: /webhooks/elevenlabs/transcription .*ConversationId: conv_console SequenceNumber: 1 "
            + @".*TraceId: \k<trace> StatusCode: 201 Duration: \d"), _service.Output);
        Assert.That(_service.Output, Does.Not.Contain("Executed DbCommand"), "EF Core's SQL stays at Warning");
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
