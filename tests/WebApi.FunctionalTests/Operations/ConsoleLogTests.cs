using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>What an operator reads on the console of the real service, in either format.</summary>
public class ConsoleLogTests
{
    private const string RequestCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("calltranscription-console-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public async Task ShouldPrintEachRequestOnOneTimestampedLineInTheSimpleFormat()
    {
        var output = await PostOneTurnAsync(format: null);

        var line = output.Split('\n').Single(l => l.Contains(RequestCategory));
        Assert.That(line, Does.Match(
            @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info: " + RequestCategory + @"\[\d+\] => SpanId:[0-9a-f]{16}, TraceId:(?<trace>[0-9a-f]{32}), .* Request and Response: "
            + @".*Method: POST .*Path: /webhooks/elevenlabs/transcription .*ConversationId: conv_console SequenceNumber: 1 "
            + @".*TraceId: \k<trace> StatusCode: 201 Duration: \d"), output);
        Assert.That(output, Does.Not.Contain("Executed DbCommand"), "EF Core's SQL stays at Warning");
    }

    [Test]
    public async Task ShouldPrintEachRequestAsOneJsonObjectInTheJsonFormat()
    {
        var output = await PostOneTurnAsync("json");

        var line = output.Split('\n').Single(l => l.Contains(RequestCategory));
        var json = JsonDocument.Parse(line).RootElement;
        var state = json.GetProperty("State");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("Timestamp").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
            Assert.That(state.GetProperty("Method").GetString(), Is.EqualTo("POST"));
            Assert.That(state.GetProperty("Path").GetString(), Is.EqualTo("/webhooks/elevenlabs/transcription"));
            Assert.That(state.GetProperty("StatusCode").GetInt32(), Is.EqualTo(201));
            Assert.That(state.GetProperty("Duration").GetDouble(), Is.GreaterThanOrEqualTo(0));
            Assert.That(state.GetProperty("ConversationId").GetString(), Is.EqualTo("conv_console"));
            Assert.That(state.GetProperty("TraceId").GetString(), Does.Match("^[0-9a-f]{32}$"));
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
