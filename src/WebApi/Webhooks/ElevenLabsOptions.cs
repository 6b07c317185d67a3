namespace CallTranscription.WebApi.Webhooks;

public sealed class ElevenLabsOptions
{
    public const string SectionName = "ElevenLabs";

    /// <summary>
    /// The webhook's signing secret. When set, every delivery must carry a valid ElevenLabs-Signature header;
    /// when empty (the default: the endpoint is public) no signature is checked.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// The signing secret of the post-call webhook ElevenLabs itself sends (shown once when the webhook is created in
    /// ElevenLabs). Without it POST /webhooks/elevenlabs/post-call answers 503 (ADR 0018).
    /// </summary>
    public string? PostCallWebhookSecret { get; set; }

    /// <summary>How far the signature's timestamp may be from now; ElevenLabs' SDKs use 30 minutes.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(30);
}
