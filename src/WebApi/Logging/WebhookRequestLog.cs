namespace CallTranscription.WebApi.Logging;

/// <summary>What one request did, filled in as it goes and written on its one log line (<see cref="RequestLogInterceptor"/>).</summary>
public sealed class WebhookRequestLog
{
    public string? ConversationId { get; set; }

    /// <summary>The post-call event's <c>type</c>.</summary>
    public string? EventType { get; set; }

    public string? Speaker { get; set; }

    /// <summary>
    /// The message's length only, in Unicode code points as its limit counts them: its text is personal data and is
    /// never logged.
    /// </summary>
    public int? MessageLength { get; set; }

    public int? SequenceNumber { get; set; }

    public bool Replayed { get; set; }

    /// <summary>Answered 2xx with nothing stored on purpose: an event type the service does not keep.</summary>
    public bool Discarded { get; set; }

    public string? Error { get; set; }
}

public static class WebhookRequestLogExtensions
{
    /// <summary>The current request's log, or a detached one when the request is not logged.</summary>
    public static WebhookRequestLog WebhookLog(this HttpContext context) =>
        context.Features.Get<WebhookRequestLog>() ?? new WebhookRequestLog();

    /// <summary>
    /// Names the conversation in the request's line and, as a logging scope, on every other line the request writes
    /// until the scope is disposed.
    /// </summary>
    public static IDisposable? BeginConversation(this WebhookRequestLog log, ILogger logger, string? conversationId)
    {
        log.ConversationId = conversationId;
        return logger.BeginScope(new Dictionary<string, object?> { ["ConversationId"] = conversationId });
    }
}
