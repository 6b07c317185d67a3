using System.Text.Json.Serialization;

namespace CallTranscription.Infrastructure.ElevenLabs;

/// <summary><c>GET /v1/convai/conversations/{id}</c>: only the fields the service reads; any other is ignored.</summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("transcript")] IReadOnlyList<TranscriptItem?>? Transcript,
    [property: JsonPropertyName("metadata")] ConversationMetadata? Metadata);

internal sealed record TranscriptItem(
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("time_in_call_secs")] double? TimeInCallSecs);

internal sealed record ConversationMetadata(
    [property: JsonPropertyName("start_time_unix_secs")] double? StartTimeUnixSecs,
    [property: JsonPropertyName("call_duration_secs")] double? CallDurationSecs,
    [property: JsonPropertyName("termination_reason")] string? TerminationReason);
