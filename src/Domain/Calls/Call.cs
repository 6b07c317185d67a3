using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Domain.Calls;

/// <summary>
/// One ElevenLabs conversation with a driver. It starts in progress and ends once, completed or failed; an ended call
/// never changes again, so events that arrive late or out of order cannot move it back.
/// </summary>
public sealed class Call
{
    private Call()
    {
    }

    public int Id { get; private set; }

    public string ConversationId { get; private set; } = null!;

    public int? DriverId { get; private set; }

    public DateTimeOffset CallStartTime { get; private set; }

    public DateTimeOffset? CallEndTime { get; private set; }

    public CallStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A call ends once, completed or failed, and never changes again.</summary>
    public bool HasEnded => Status != CallStatus.InProgress;

    public static Call StartedBy(string conversationId, int? driverId, DateTimeOffset startedAt, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        DriverId = driverId,
        CallStartTime = startedAt.ToUniversalTime(),
        Status = CallStatus.InProgress,
        CreatedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
    };

    /// <returns>False when the call had already ended: it keeps the status and end time it ended with.</returns>
    public bool Complete(DateTimeOffset endedAt, DateTimeOffset now) => End(CallStatus.Completed, endedAt, now);

    /// <returns>False when the call had already ended: it keeps the status and end time it ended with.</returns>
    public bool Fail(DateTimeOffset endedAt, DateTimeOffset now) => End(CallStatus.Failed, endedAt, now);

    /// <summary>
    /// An ended call takes no more turns. A turn delivered after it ended (the relay retrying or running late, with its
    /// own timestamp) is one the conversation holds: the first stored turn that says the same stands for it
    /// (docs/decisions/0016-post-call-transcript-placement.md).
    /// </summary>
    /// <param name="stored">The conversation's stored turns, by sequence number.</param>
    /// <exception cref="CallEndedException">No stored turn says the same: the turn has no place in the conversation.</exception>
    public Transcription ReplayLateTurn(IEnumerable<Transcription> stored, Turn turn)
    {
        if (!HasEnded)
        {
            throw new InvalidOperationException($"Call {ConversationId} is in progress: it takes the turn.");
        }

        return stored.FirstOrDefault(t => t.Says(turn)) ?? throw new CallEndedException(ConversationId, Status);
    }

    private bool End(CallStatus status, DateTimeOffset endedAt, DateTimeOffset now)
    {
        if (HasEnded)
        {
            return false;
        }

        Status = status;
        // The start may come from the relay's clock and the end from ElevenLabs': a call never ends before it started.
        CallEndTime = (endedAt < CallStartTime ? CallStartTime : endedAt).ToUniversalTime();
        UpdatedAt = now.ToUniversalTime();
        return true;
    }
}
