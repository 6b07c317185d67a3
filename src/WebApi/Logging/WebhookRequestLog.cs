using CallTranscription.Application.Transcriptions.Common;

namespace CallTranscription.WebApi.Logging;

/// <summary>What one request did, filled in as it goes and written on its one log line (<see cref="RequestLogInterceptor"/>).</summary>
/// <remarks>
/// Fields come from the sender before validation, so each keeps only what is safe to log: a conversation id that is
/// one, a known speaker, an event type that is a plain word; anything else (a phone number, a line break) is written as
/// <see cref="Unreadable"/>.
/// </remarks>
public sealed class WebhookRequestLog
{
    public const string Unreadable = "(not valid)";

    public string? ConversationId { get; set => field = value is null || IsPlainId(value, TranscriptionLimits.ConversationIdMaxLength) ? value : Unreadable; }

    /// <summary>The post-call event's <c>type</c>.</summary>
    public string? EventType { get; set => field = value is null || IsPlainId(value, 64) ? value : Unreadable; }

    public string? Speaker { get; set => field = value is null || SpeakerMapping.Map(value) is not null ? value : Unreadable; }

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

    private static bool IsPlainId(string value, int maxLength) => value.Length > 0 && value.Length <= maxLength && TextRules.IsIdentifier(value);
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
        return logger.BeginScope("ConversationId:{ConversationId}", log.ConversationId);
    }
}
