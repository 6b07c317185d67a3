using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>
/// What an operator reads on the console of the real service in the JSON format; the default, simple format is
/// ServiceProcessTests'.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class ConsoleLogTests
{
    private const string RequestCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("calltranscription-console-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public async Task ShouldPrintEachRequestAsOneJsonObjectInTheJsonFormat()
    {
        var output = await PostOneTurnAsync();

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

    private async Task<string> PostOneTurnAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_directory.FullName, "console.db")};Pooling=False",
            ["Logging__Console__FormatterName"] = "json",
        };

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
