namespace CallTranscription.Application.Calls.CompleteCall;

/// <summary>One item of <c>data.transcript</c>; an entry without text (a tool call) is not a turn.</summary>
public sealed record TranscriptEntry(string? Role, string? Message, double? TimeInCallSecs)
{
    public bool HasText => !string.IsNullOrWhiteSpace(Message);
}
