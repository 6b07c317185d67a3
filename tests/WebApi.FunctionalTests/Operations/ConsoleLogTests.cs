using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>What an operator reads on the console of the real service, in either format.</summary>
public class ConsoleLogTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("calltranscription-console-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public async Task ShouldPrintTimeClientRequestAndTraceInTheSimpleFormat()
    {
        var output = await PostOneTurnAsync(format: null);

        var request = output.Split('\n').SkipWhile(l => !l.Contains("WebhookRequestLoggingMiddleware")).Take(3).ToList();
        Assert.That(request[0], Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (info|warn): "), output);
        var trace = System.Text.RegularExpressions.Regex.Match(request[2], "trace ([0-9a-f]{32})").Groups[1].Value;
        Assert.That(request[1], Does.Match($"=> SpanId:[0-9a-f]{{16}}, TraceId:{trace}, "), output);
        Assert.That(request[2], Does.Match(@"Webhook stored conversation conv_console turn 1 \(agent\): 201 in .* \[client 127\.0\.0\.1, request \S+, trace [0-9a-f]{32}\]"), output);
    }

    [Test]
    public async Task ShouldPrintTimeClientRequestAndTraceInTheJsonFormat()
    {
        var output = await PostOneTurnAsync("json");

        var line = output.Split('\n').Single(l => l.Contains("WebhookRequestLoggingMiddleware"));
        var json = JsonDocument.Parse(line).RootElement;
        var state = json.GetProperty("State");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("Timestamp").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
            Assert.That(state.GetProperty("ClientAddress").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(state.GetProperty("RequestId").GetString(), Is.Not.Empty);
            Assert.That(state.GetProperty("TraceId").GetString(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(state.GetProperty("ConversationId").GetString(), Is.EqualTo("conv_console"));
            var activity = json.GetProperty("Scopes").EnumerateArray().First(scope => scope.TryGetProperty("TraceId", out _));
            Assert.That(activity.GetProperty("TraceId").GetString(), Is.EqualTo(state.GetProperty("TraceId").GetString()));
            Assert.That(activity.GetProperty("SpanId").GetString(), Does.Match("^[0-9a-f]{16}$"));
        });
    }

    /// <param name="format">Logging:Console:FormatterName, or null for the service's default.</param>
    private async Task<string> PostOneTurnAsync(string? format)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_directory.FullName, "console.db")};Pooling=False",
        };
        if (format is not null)
        {
            environment["Logging__Console__FormatterName"] = format;
        }

        await using var service = ServiceProcess.Start(environment);
        await service.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
        {
            ["conversation_id"] = "conv_console",
            ["speaker"] = "agent",
            ["message"] = "Hello",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), service.Output);
        service.Terminate();
        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return service.Output;
    }
}
