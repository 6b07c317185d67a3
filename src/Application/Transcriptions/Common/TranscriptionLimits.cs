namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>Bounds no real call reaches; see docs/api.md ("Limits").</summary>
public static class TranscriptionLimits
{
    public const int ConversationIdMaxLength = 128;

    /// <summary>About an hour of uninterrupted speech; counted in Unicode code points (TextRules.CodePointCount).</summary>
    public const int MessageMaxLength = 20_000;

    /// <summary>ElevenLabs retries for at most ~40 minutes; a week leaves room for replays and backfills.</summary>
    public static readonly TimeSpan MaxTimestampAge = TimeSpan.FromDays(7);

    /// <summary>Clock skew between the sender and us.</summary>
    public static readonly TimeSpan MaxTimestampLead = TimeSpan.FromDays(1);

    /// <summary>Whether an instant a sender reports lies in the window above, around the server's clock.</summary>
    public static bool IsPlausible(DateTimeOffset instant, DateTimeOffset now) =>
        instant >= now - MaxTimestampAge && instant <= now + MaxTimestampLead;

    public static string PlausibleWindow { get; } =
        $"within {MaxTimestampAge.TotalDays:0} days before and {MaxTimestampLead.TotalDays:0} day after the server's current time";
}
