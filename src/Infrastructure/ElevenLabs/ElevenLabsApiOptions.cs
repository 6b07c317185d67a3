namespace CallTranscription.Infrastructure.ElevenLabs;

/// <summary>The ElevenLabs section's settings for its API (the webhook's own settings are read by the WebApi).</summary>
public sealed class ElevenLabsApiOptions
{
    public const string SectionName = "ElevenLabs";

    public static readonly Uri DefaultApiBaseUrl = new("https://api.elevenlabs.io");

    /// <summary>Sent as <c>xi-api-key</c>. A secret: never logged, traced or described.</summary>
    public string? ApiKey { get; set; }

    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);
}
