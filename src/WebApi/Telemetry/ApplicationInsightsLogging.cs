using Microsoft.Extensions.Logging.ApplicationInsights;

namespace CallTranscription.WebApi.Telemetry;

internal static class ApplicationInsightsLogging
{
    public const string EnvironmentVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ConfigurationKey = "ApplicationInsights:ConnectionString";

    public static string? ConnectionString(IConfiguration configuration) =>
        (configuration[EnvironmentVariable] ?? configuration[ConfigurationKey]) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Sends logs to Application Insights when a connection string is configured; otherwise adds nothing.</summary>
    public static WebApplicationBuilder AddApplicationInsightsLogging(this WebApplicationBuilder builder)
    {
        if (ConnectionString(builder.Configuration) is not { } connectionString)
        {
            return builder;
        }

        builder.Logging.AddApplicationInsights(
            telemetry =>
            {
                telemetry.ConnectionString = connectionString;
                telemetry.TelemetryInitializers.Add(new TraceCorrelationInitializer());
            },
            logger =>
            {
                logger.IncludeScopes = true;
                logger.FlushOnDispose = true; // the host disposes the provider on shutdown
            });
        // The provider defaults to Warning; operators want the per-request lines too, unless they say otherwise.
        if (!builder.Configuration.GetSection("Logging:ApplicationInsights").Exists())
        {
            builder.Logging.AddFilter<ApplicationInsightsLoggerProvider>(string.Empty, LogLevel.Information);
        }

        return builder;
    }
}
