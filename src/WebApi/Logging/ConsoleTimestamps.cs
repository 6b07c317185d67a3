using Microsoft.Extensions.Logging.Console;

namespace CallTranscription.WebApi.Logging;

internal static class ConsoleTimestamps
{
    private const string TimestampFormatKey = "Logging:Console:FormatterOptions:TimestampFormat";

    /// <summary>
    /// Console lines, simple or JSON, start with the UTC time to the millisecond, unless the operator chose a
    /// Logging:Console:FormatterOptions:TimestampFormat of their own.
    /// </summary>
    public static IServiceCollection AddConsoleTimestamps(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[TimestampFormatKey] is not null)
        {
            return services;
        }

        // Without a formatter name the console logger copies its own obsolete options over the formatter's, timestamp
        // included; naming the default one keeps the formatter's options in force.
        services.Configure<ConsoleLoggerOptions>(options => options.FormatterName ??= ConsoleFormatterNames.Simple);
        services.Configure<SimpleConsoleFormatterOptions>(options => (options.TimestampFormat, options.UseUtcTimestamp) = ("yyyy-MM-dd'T'HH:mm:ss.fff'Z' ", true));
        services.Configure<JsonConsoleFormatterOptions>(options => (options.TimestampFormat, options.UseUtcTimestamp) = ("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", true));
        return services;
    }
}
