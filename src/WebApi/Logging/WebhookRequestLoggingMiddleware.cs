using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Logging;

/// <summary>
/// One structured line per webhook request (<see cref="WebhookRequestLine"/>): conversation, sequence number, speaker,
/// outcome, status, duration, client address, request and trace ids. Stored and replayed at Information (Warning, and
/// saying so, when slow), rejected at Warning, failed at Error with the exception.
/// </summary>
internal sealed class WebhookRequestLoggingMiddleware(
    RequestDelegate next,
    ILogger<WebhookRequestLoggingMiddleware> logger,
    IOptions<RequestLoggingOptions> options,
    TimeProvider timeProvider)
{
    public const string WebhookPathPrefix = "/webhooks";
    private static readonly EventId _requestEvent = new(1, "WebhookRequest");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(WebhookPathPrefix))
        {
            await next(context);
            return;
        }

        var log = new WebhookRequestLog();
        context.Features.Set(log);
        var started = timeProvider.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            log.Exception ??= exception;
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            Write(context, log, timeProvider.GetElapsedTime(started));
        }
    }

    private void Write(HttpContext context, WebhookRequestLog log, TimeSpan duration)
    {
        var statusCode = context.Response.StatusCode;
        var outcome = statusCode switch
        {
            < 300 when log.Discarded => "discarded",
            < 300 => log.Replayed ? "replayed" : "stored",
            < 500 => "rejected",
            _ => "failed",
        };
        var slow = outcome is "stored" or "replayed" or "discarded" && duration > options.Value.SlowRequestThreshold;
        var level = outcome switch
        {
            "failed" => LogLevel.Error,
            "rejected" => LogLevel.Warning,
            _ => slow ? LogLevel.Warning : LogLevel.Information,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var line = new WebhookRequestLine(
            log, outcome, statusCode, duration, slow ? options.Value.SlowRequestThreshold : null,
            context.Connection.RemoteIpAddress?.ToString(), context.TraceIdentifier, Activity.Current?.TraceId.ToHexString());
        logger.Log(level, _requestEvent, line, log.Exception, static (state, _) => state.ToString());
    }
}
