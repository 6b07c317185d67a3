using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Faults;

/// <summary>
/// The service started without waiting for a database it cannot reach: alive, not ready, and every turn a clean 500
/// that leaks nothing, for as long as the database stays away. One host per database kind for the suite.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Kinds))]
public class UnreachableDatabaseTests(DatabaseKind kind)
{
    private CallTranscriptionApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartWithoutTheDatabase()
    {
        _factory = new CallTranscriptionApiFactory(new UnreachableDatabase(kind), new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false", ["Database:StartupTimeout"] = "00:00:00", ["Database:Retry:BaseDelay"] = "00:00:00.010",
        });
        _client = _factory.CreateClient();
        _client.Timeout = TimeSpan.FromSeconds(60); // a writer that stopped after the first failure would leave the next ones hanging
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task ShouldReportNotReadyButLive()
    {
        Assert.That((await _client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await _client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ShouldAnswer500WithoutLeakingWhatFailed()
    {
        var response = await PostTurnAsync("conv_unreachable");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var text = await response.Content.ReadAsStringAsync();
        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(body.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("details").GetString(), Is.Not.Empty);
            Assert.That(text, Does.Not.Contain("Exception").And.Not.Contain(" at ").And.Not.Contain("SELECT")
                .And.Not.Contain("Data Source").And.Not.Contain("Host=").And.Not.Contain("not-a-real-secret"));
        });
    }

    [Test]
    public async Task ShouldKeepAnsweringWhileTheDatabaseStaysUnreachable()
    {
        for (var request = 1; request <= 3; request++)
        {
            var response = await PostTurnAsync($"conv_unreachable_{request}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), $"request {request}");
        }
    }

    private Task<HttpResponseMessage> PostTurnAsync(string conversationId) =>
        _client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
        {
            ["conversation_id"] = conversationId,
            ["speaker"] = "agent",
            ["message"] = "Hello",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
}
