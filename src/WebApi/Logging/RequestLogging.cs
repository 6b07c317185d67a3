using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;

namespace CallTranscription.WebApi.Logging;

internal static class RequestLogging
{
    /// <summary>
    /// One line per request, written by HttpLogging when the response is complete: method, path, status and duration,
    /// plus what <see cref="RequestLogInterceptor"/> adds. No headers, query strings or bodies: they carry signatures,
    /// message text and phone numbers.
    /// </summary>
    public static IServiceCollection AddRequestLogging(this IServiceCollection services)
    {
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddHttpLoggingInterceptor<RequestLogInterceptor>();

        // The simple formatter writes the timestamp straight before the level, so its configured format ends in a
        // space; the JSON formatter, which shares the formatter options, should not carry it into its values.
        services.PostConfigure<JsonConsoleFormatterOptions>(options => options.TimestampFormat = options.TimestampFormat?.TrimEnd());
        return services;
    }
}
