using Microsoft.Extensions.Logging.Console;

namespace CallTranscription.WebApi.Telemetry;

internal static class LogCorrelation
{
    private const string IncludeScopesKey = "Logging:Console:FormatterOptions:IncludeScopes";

    /// <summary>
    /// Console lines, simple or JSON, show their scopes, and with them the trace and span ids the host adds to every
    /// record (its ActivityTrackingOptions), unless the operator set Logging:Console:FormatterOptions:IncludeScopes.
    /// </summary>
    public static IServiceCollection AddLogCorrelation(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[IncludeScopesKey] is null)
        {
            services.Configure<SimpleConsoleFormatterOptions>(options => options.IncludeScopes = true);
            services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
        }

        return services;
    }
}
