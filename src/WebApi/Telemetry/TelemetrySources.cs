using CallTranscription.Application.Common.Telemetry;
using CallTranscription.WebApi.Health;
using Npgsql;
using OpenTelemetry.Instrumentation.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CallTranscription.WebApi.Telemetry;

/// <summary>What is traced and measured: the service's own source and meter, ASP.NET Core, HttpClient, the runtime, and
/// each database provider's client.</summary>
internal static class TelemetrySources
{
    // Npgsql and SqlClient trace their own commands; EF Core's spans would repeat them. SQLite has no client spans of
    // its own, so EF Core's stand in for it.
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public static void Traces(TracerProviderBuilder tracing) => tracing
        .AddSource(CallTranscriptionTelemetry.Name)
        .AddProcessor(new ExceptionTextRedaction())
        .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
        .AddHttpClientInstrumentation()
        .AddEntityFrameworkCoreInstrumentation(EntityFrameworkCore)
        .AddNpgsql()
        .AddSqlClientInstrumentation();

    public static void Metrics(MeterProviderBuilder metrics) => metrics
        .AddMeter(CallTranscriptionTelemetry.Name)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation()
        .AddNpgsqlInstrumentation()
        .AddSqlClientInstrumentation()
        .AddMeter("Polly");

    public static void EntityFrameworkCore(EntityFrameworkInstrumentationOptions efCore) =>
        efCore.Filter = (provider, _) => provider == SqliteProvider;

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpoints.Prefix) || path.StartsWithSegments(TelemetryOptions.PrometheusPath);
}
