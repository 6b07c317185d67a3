using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Logging;

/// <summary>
/// One structured line per webhook request: conversation, sequence number, speaker, outcome, status and duration.
/// Stored and replayed at Information (Warning when slow), rejected at Warning, failed at Error with the exception.
/// </summary>
internal sealed partial class WebhookRequestLoggingMiddleware(
    RequestDelegate next,
    ILogger<WebhookRequestLoggingMiddleware> logger,
    IOptions<RequestLoggingOptions> options,
    TimeProvider timeProvider)
{
    public const string WebhookPathPrefix = "/webhooks";

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
            Write(log, context.Response.StatusCode, timeProvider.GetElapsedTime(started));
        }
    }

    private void Write(WebhookRequestLog log, int statusCode, TimeSpan duration)
    {
        var outcome = statusCode switch
        {
            < 300 => log.Replayed ? "replayed" : "stored",
            < 500 => "rejected",
            _ => "failed",
        };
        var level = outcome switch
        {
            "failed" => LogLevel.Error,
            "rejected" => LogLevel.Warning,
            _ when duration > options.Value.SlowRequestThreshold => LogLevel.Warning,
            _ => LogLevel.Information,
        };

        LogRequest(level, log.Exception, log.ConversationId, log.SequenceNumber, log.Speaker, outcome, statusCode,
            duration.TotalMilliseconds, log.MessageLength, log.Error);
    }

    [LoggerMessage(Message = "Webhook {Outcome} conversation {ConversationId} turn {SequenceNumber} ({Speaker}): {StatusCode} in {DurationMs:0.0} ms, message length {MessageLength}, error {Error}")]
    private partial void LogRequest(
        LogLevel level, Exception? exception, string? conversationId, int? sequenceNumber, string? speaker, string outcome,
        int statusCode, double durationMs, int? messageLength, string? error);
}
