namespace CallTranscription.WebApi.Telemetry;

public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";
    public const string PrometheusPath = "/metrics";

    /// <summary>Serves GET /metrics for a Prometheus scraper (the exporter is prerelease: docs/decisions/0024-opentelemetry.md).</summary>
    public bool PrometheusEndpoint { get; set; }
}
