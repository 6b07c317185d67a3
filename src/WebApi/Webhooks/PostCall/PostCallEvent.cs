using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.FailCall;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// ElevenLabs' post-call envelope, with the fields the service reads; any other is ignored. A field missing or null
/// stays null for the command's validator. Only the type of an event the service does not read is kept.
/// </summary>
public sealed record PostCallEvent(
    [property: JsonPropertyName("type"), Required] string Type,
    [property: JsonPropertyName("event_timestamp")] double? EventTimestamp,
    [property: JsonPropertyName("data")] PostCallData? Data)
{
    public CompleteCallCommand ToCompleteCall() => new(
        Data?.ConversationId,
        Data?.Status,
        Data?.Metadata?.StartTimeUnixSecs,
        Data?.Metadata?.CallDurationSecs,
        Data?.Transcript?.Select(entry => new TranscriptEntry(entry?.Role, entry?.Message, entry?.TimeInCallSecs)).ToList() ?? []);

    public FailCallCommand ToFailCall() => new(Data?.ConversationId, Data?.FailureReason, EventTimestamp);
}

public sealed record PostCallData(
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("failure_reason")] string? FailureReason,
    [property: JsonPropertyName("metadata")] PostCallMetadata? Metadata,
    [property: JsonPropertyName("transcript")] IReadOnlyList<PostCallTranscriptEntry?>? Transcript);

public sealed record PostCallMetadata(
    [property: JsonPropertyName("start_time_unix_secs")] double? StartTimeUnixSecs,
    [property: JsonPropertyName("call_duration_secs")] double? CallDurationSecs);

public sealed record PostCallTranscriptEntry(
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("time_in_call_secs")] double? TimeInCallSecs);
