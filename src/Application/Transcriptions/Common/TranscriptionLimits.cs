namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>Bounds no real call reaches; see docs/api.md ("Limits").</summary>
public static class TranscriptionLimits
{
    public const int ConversationIdMaxLength = 128;

    /// <summary>About an hour of uninterrupted speech; counted in Unicode code points (TextRules.CodePointCount).</summary>
    public const int MessageMaxLength = 20_000;

    /// <summary>No ElevenLabs voice agent placed a call before this; an earlier time is a sender's bug, not an old call.</summary>
    public static readonly DateTimeOffset EarliestCall = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Clock skew between the sender and us.</summary>
    public static readonly TimeSpan MaxTimestampLead = TimeSpan.FromDays(1);

    /// <summary>
    /// Whether an instant a sender reports can be real. An old turn is not an invalid one (a back-fill may be years
    /// late), so only a time before any call or too far ahead of the server's clock is refused.
    /// </summary>
    public static bool IsPlausible(DateTimeOffset instant, DateTimeOffset now) =>
        instant >= EarliestCall && instant <= now + MaxTimestampLead;

    public static string PlausibleWindow { get; } =
        $"from {EarliestCall:yyyy-MM-dd} to {MaxTimestampLead.TotalDays:0} day after the server's current time";
}
