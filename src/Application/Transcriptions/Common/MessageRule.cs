namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>
/// What a turn's message must be, whichever webhook brings it: within the length limit, and speech text.
/// </summary>
public static class MessageRule
{
    /// <summary>
    /// The first thing wrong with a message that is not blank, worded to follow its field's name; null if nothing is.
    /// </summary>
    public static string? Problem(string message)
    {
        if (TextRules.CodePointCount(message) > TranscriptionLimits.MessageMaxLength)
        {
            return $"must be at most {TranscriptionLimits.MessageMaxLength} characters (Unicode code points).";
        }

        return TextRules.IsSpeechText(message) ? null : "must not contain control characters or invalid Unicode.";
    }
}
