using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.FailCall;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// ElevenLabs' post-call envelope, with the fields the service reads; any other is ignored. Only the type is required
/// here: a field missing or null stays null for the command's validator. Of an event the service does not read, only
/// the type is kept.
/// </summary>
public sealed record PostCallEvent(
    [property: JsonPropertyName("type"), Required] string Type,
    [property: JsonPropertyName("event_timestamp")] double? EventTimestamp = null,
    [property: JsonPropertyName("data")] PostCallData? Data = null)
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
    [property: JsonPropertyName("conversation_id")] string? ConversationId = null,
    [property: JsonPropertyName("status")] string? Status = null,
    [property: JsonPropertyName("failure_reason")] string? FailureReason = null,
    [property: JsonPropertyName("metadata")] PostCallMetadata? Metadata = null,
    [property: JsonPropertyName("transcript")] IReadOnlyList<PostCallTranscriptEntry?>? Transcript = null);

public sealed record PostCallMetadata(
    [property: JsonPropertyName("start_time_unix_secs")] double? StartTimeUnixSecs = null,
    [property: JsonPropertyName("call_duration_secs")] double? CallDurationSecs = null);

public sealed record PostCallTranscriptEntry(
    [property: JsonPropertyName("role")] string? Role = null,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("time_in_call_secs")] double? TimeInCallSecs = null);

/// <summary>The <c>type</c> of ElevenLabs' post-call events; it adds new ones over time.</summary>
public static class PostCallEventTypes
{
    public const string Transcription = "post_call_transcription";
    public const string InitiationFailure = "call_initiation_failure";
    public const string Audio = "post_call_audio";

    /// <summary>The types whose data the service reads; the body of any other type is discarded as it streams in.</summary>
    public static bool IsRead(string type) => type is Transcription or InitiationFailure;
}
