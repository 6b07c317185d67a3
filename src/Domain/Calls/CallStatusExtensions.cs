namespace CallTranscription.Domain.Calls;

/// <summary>The rules a call's status carries wherever it is read, on the call or on a copy of its state.</summary>
public static class CallStatusExtensions
{
    /// <summary>A call ends once, completed or failed, and never changes again.</summary>
    public static bool HasEnded(this CallStatus status) => status != CallStatus.InProgress;
}
