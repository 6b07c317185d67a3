using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Calls.CompleteCall;

/// <param name="CallEnded">True when this transcript ended the call; false when it had already ended.</param>
/// <param name="CallStarted">True when this transcript created the call (no turn of it had arrived).</param>
/// <param name="UnplacedEntries">Indexes in <c>data.transcript</c> of the turns that could not be placed, not stored.</param>
public sealed record CompleteCallResult(
    string ConversationId,
    CallStatus CallStatus,
    bool CallEnded,
    int TurnsStored,
    int TurnsAlreadyStored,
    IReadOnlyList<int> UnplacedEntries,
    int StoredTurnsNotInTranscript,
    bool CallStarted = false)
{
    /// <summary>Nothing changed: a redelivery, or a transcript that only repeats what is stored.</summary>
    public bool ChangedNothing => !CallEnded && TurnsStored == 0;
}
