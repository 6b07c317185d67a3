namespace CallTranscription.Application.Calls.Common;

/// <summary>ElevenLabs' times: seconds since the Unix epoch, and offsets in seconds from a call's start.</summary>
public static class UnixTime
{
    private const double MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    public static bool IsValid(double? seconds) => seconds is >= 0 and <= MaxSeconds;

    public static DateTimeOffset ToUtc(double seconds) => DateTimeOffset.UnixEpoch + Seconds(seconds);

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
