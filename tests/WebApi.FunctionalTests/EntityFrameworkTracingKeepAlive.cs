using CallTranscription.WebApi.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CallTranscription.WebApi.FunctionalTests;

/// <summary>
/// EF Core's instrumentation (a beta package) keeps one subscriber per process and stops it for good once the last
/// provider using it is disposed. A service process has one provider for its lifetime; this test process starts and
/// stops many hosts, so a provider kept for the whole run stands in for that lifetime. It exports nothing; its options
/// are the service's, since the first provider's options are the ones the subscriber keeps. In the assembly's root
/// namespace, so that it runs before every suite.
/// </summary>
[SetUpFixture]
public sealed class EntityFrameworkTracingKeepAlive
{
    private TracerProvider? _provider;

    [OneTimeSetUp]
    public void Start() => _provider = Sdk.CreateTracerProviderBuilder().AddEntityFrameworkCoreInstrumentation(TelemetrySources.EntityFrameworkCore).Build();

    [OneTimeTearDown]
    public void Stop() => _provider?.Dispose();
}
