using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CallTranscription.WebApi.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs, set up as .NET Aspire's ServiceDefaults do
/// (docs/decisions/0024-opentelemetry.md). What to collect is always configured; the providers start only when
/// something exports (OTLP, Azure Monitor, the Prometheus endpoint), so without an exporter nothing is collected at all.
/// </summary>
internal static class ServiceTelemetry
{
    public const string DefaultServiceName = "calltranscription";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddServiceTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.SectionName));
        services.ConfigureOpenTelemetryTracerProvider(TelemetrySources.Traces);
        services.ConfigureOpenTelemetryMeterProvider(TelemetrySources.Metrics);

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var azureMonitor = ApplicationInsightsLogging.ConnectionString(configuration);
        if (!otlp && azureMonitor is null && !options.PrometheusEndpoint)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(DescribeService).WithTracing().WithMetrics();
        if (otlp)
        {
            builder.Logging.AddOpenTelemetry(logging => (logging.IncludeScopes, logging.IncludeFormattedMessage) = (true, true));
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor is not null)
        {
            telemetry.UseAzureMonitorForTracesAndMetrics(azureMonitor, configuration);
        }

        if (options.PrometheusEndpoint)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>
    /// service.name is calltranscription unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES says otherwise: the
    /// variables are read after the defaults, so they win.
    /// </summary>
    private static void DescribeService(ResourceBuilder resource)
    {
        var version = typeof(ServiceTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        resource.Clear().AddService(DefaultServiceName, serviceVersion: version).AddTelemetrySdk().AddEnvironmentVariableDetector();
    }

    /// <summary>The Prometheus scrape endpoint, when asked for; never rate limited.</summary>
    public static WebApplication MapServiceTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.PrometheusEndpoint)
        {
            app.MapPrometheusScrapingEndpoint(TelemetryOptions.PrometheusPath).DisableRateLimiting().WithHttpLogging(HttpLoggingFields.None);
        }

        return app;
    }
}
