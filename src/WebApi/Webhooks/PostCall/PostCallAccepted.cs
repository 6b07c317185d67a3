using System.Text.Json;
using System.Text.Json.Serialization;
using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.FailCall;
using CallTranscription.Domain.Calls;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// The 200 of a post-call event: what it did. The conversation and the call's status are left out for an event the
/// service does not read; the counts are always there, 0 for an event that stores no turns.
/// </summary>
public sealed record PostCallAccepted(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type)
{
    [JsonPropertyName("conversation_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    [JsonPropertyName("call_status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallStatus { get; init; }

    [JsonPropertyName("turns_stored")]
    public int TurnsStored { get; init; }

    [JsonPropertyName("turns_already_stored")]
    public int TurnsAlreadyStored { get; init; }

    /// <summary>Indexes in <c>data.transcript</c> of the entries that would fall between stored turns: not stored.</summary>
    [JsonPropertyName("unplaced_entries")]
    public IReadOnlyList<int> UnplacedEntries { get; init; } = [];

    [JsonPropertyName("stored_turns_not_in_transcript")]
    public int StoredTurnsNotInTranscript { get; init; }

    public static PostCallAccepted From(CompleteCallResult result) => new(
        "success",
        result.UnplacedEntries.Count > 0
            ? "Transcript processed; the unplaced entries fall between stored turns and were not stored"
            : result.ChangedNothing ? "Already processed; nothing new was written" : "Transcript processed",
        PostCallEventTypes.Transcription)
    {
        ConversationId = result.ConversationId,
        CallStatus = NameOf(result.CallStatus),
        TurnsStored = result.TurnsStored,
        TurnsAlreadyStored = result.TurnsAlreadyStored,
        UnplacedEntries = result.UnplacedEntries,
        StoredTurnsNotInTranscript = result.StoredTurnsNotInTranscript,
    };

    public static PostCallAccepted From(FailCallResult result) => new(
        "success",
        result.CallEnded ? "Call failed" : "Already ended; nothing new was written",
        PostCallEventTypes.InitiationFailure)
    {
        ConversationId = result.ConversationId,
        CallStatus = NameOf(result.CallStatus),
    };

    public static PostCallAccepted Discarded(string type) => new(
        "success",
        type == PostCallEventTypes.Audio ? "Audio is not stored; discarded" : "Event type not handled; nothing stored",
        type);

    // As calls.status stores them: in_progress, completed, failed.
    private static string NameOf(CallStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
