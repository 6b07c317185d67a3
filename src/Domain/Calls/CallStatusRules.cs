namespace CallTranscription.Domain.Calls;

public static class CallStatusRules
{
    /// <summary>A call ends once, completed or failed, and never changes again.</summary>
    public static bool HasEnded(this CallStatus status) => status != CallStatus.InProgress;
}
