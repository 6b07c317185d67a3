using System.Text.Json.Serialization;

namespace CallTranscription.WebApi.OpenApi;

/// <summary>The webhook body as documented; the endpoint parses the raw body itself (TranscriptionRequestReader).</summary>
public sealed record TranscriptionRequestDocument(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("speaker")] string Speaker,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp);
