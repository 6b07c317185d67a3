using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CallTranscription.WebApi.Telemetry;

/// <summary>
/// Traces and metrics to the Application Insights resource that already receives the service's logs
/// (<see cref="ApplicationInsightsLogging"/>); logs keep their own path, so none arrives twice
/// (docs/decisions/0025-application-insights-through-opentelemetry.md).
/// </summary>
internal static class AzureMonitorExport
{
    private const string SectionName = "Telemetry:AzureMonitor";

    public static void UseAzureMonitorForTracesAndMetrics(this IOpenTelemetryBuilder telemetry, string connectionString, IConfiguration configuration)
    {
        telemetry.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAzureMonitorTraceExporter(Configure));
        telemetry.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddAzureMonitorMetricExporter(Configure));

        void Configure(AzureMonitorExporterOptions options)
        {
            // Live metrics calls an endpoint beyond the resource's ingestion: opt-in only.
            options.EnableLiveMetrics = false;
            configuration.GetSection(SectionName).Bind(options);
            options.ConnectionString = connectionString;
        }
    }
}
