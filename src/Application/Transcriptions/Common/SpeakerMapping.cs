using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>ElevenLabs calls the driver "user"; we store "driver".</summary>
public static class SpeakerMapping
{
    public const string Agent = "agent";
    public const string User = "user";

    public static bool TryMap(string? speaker, out SpeakerType speakerType)
    {
        switch (speaker)
        {
            case Agent:
                speakerType = SpeakerType.Agent;
                return true;
            case User:
                speakerType = SpeakerType.Driver;
                return true;
            default:
                speakerType = default;
                return false;
        }
    }

    public static SpeakerType Map(string speaker) =>
        TryMap(speaker, out var speakerType)
            ? speakerType
            : throw new ArgumentOutOfRangeException(nameof(speaker), speaker, "Speaker must be 'agent' or 'user'.");
}
