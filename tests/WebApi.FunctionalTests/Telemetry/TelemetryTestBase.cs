using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

/// <summary>Suites that read the service's telemetry: the real service, with an in-memory exporter added, on every database.</summary>
public abstract class TelemetryTestBase(DatabaseKind kind) : PostCallTestBase(kind)
{
    protected TelemetryCapture Telemetry { get; } = new();

    protected CallTranscriptionApiFactory Observed { get; private set; } = null!;

    protected HttpClient ObservedClient { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartObservedService()
    {
        Observed = new CallTranscriptionApiFactory(
            Database, new Dictionary<string, string?> { ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret }, Telemetry.AddTo);
        ObservedClient = Observed.CreateClient();
        Telemetry.Attach(Observed.Services);
    }

    [OneTimeTearDown]
    public async Task StopObservedServiceAsync()
    {
        ObservedClient?.Dispose();
        if (Observed is not null)
        {
            await Observed.DisposeAsync();
        }
    }
}
