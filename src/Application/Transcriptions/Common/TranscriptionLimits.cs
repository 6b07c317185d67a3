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
}
