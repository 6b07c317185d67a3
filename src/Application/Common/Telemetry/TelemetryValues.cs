namespace CallTranscription.Application.Common.Telemetry;

/// <summary>The attribute values the service's instruments take; dashboards match on them.</summary>
public static class TelemetryValues
{
    public const string PerTurn = "per_turn";
    public const string PostCall = "post_call";

    public const string Committed = "committed";
    public const string Replayed = "replayed";
    public const string Failed = "failed";

    public const string Completed = "completed";

    public const string TranscriptionWebhook = "transcription";

    public const string Validation = "validation";
    public const string Signature = "signature";
    public const string TooLarge = "too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string CallEnded = "call_ended";
    public const string NotConfigured = "not_configured";
}
