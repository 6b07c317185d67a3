using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>
/// When two turns say the same thing: the same speaker and the same text, leading and trailing whitespace aside.
/// Nothing looser: a near match is a guess (docs/decisions/0016-post-call-transcript-placement.md).
/// </summary>
public static class SpokenText
{
    public static bool Same(Transcription stored, SpeakerType speaker, string message) =>
        stored.SpeakerType == speaker && stored.MessageText.AsSpan().Trim().SequenceEqual(message.AsSpan().Trim());
}
