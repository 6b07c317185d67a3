namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>ElevenLabs' <c>status</c> of a conversation; the transcript is final once it is done.</summary>
public static class ConversationStatus
{
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>Ended, so its transcript can be stored: done, or failed.</summary>
    public static bool HasEnded(string? status) => status is Done or Failed;

    /// <summary>Not over yet: checked again later.</summary>
    public static bool IsPending(string? status) => status is "initiated" or "in-progress" or "processing";
}
