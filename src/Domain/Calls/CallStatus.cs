namespace CallTranscription.Domain.Calls;

public enum CallStatus
{
    InProgress,
    Completed,
    Failed,
}
