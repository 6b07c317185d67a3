using System.Text.Json.Serialization;

namespace CallTranscription.Infrastructure.ElevenLabs;

/// <summary><c>GET /v1/convai/conversations</c>: one page, newest first.</summary>
internal sealed record ConversationPage(
    [property: JsonPropertyName("conversations")] IReadOnlyList<ConversationPageItem>? Conversations,
    [property: JsonPropertyName("has_more")] bool HasMore,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

internal sealed record ConversationPageItem(
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("start_time_unix_secs")] double? StartTimeUnixSecs);
