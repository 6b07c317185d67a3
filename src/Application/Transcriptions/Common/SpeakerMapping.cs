using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>ElevenLabs calls the driver "user"; we store "driver".</summary>
public static class SpeakerMapping
{
    public const string Agent = "agent";
    public const string User = "user";

    /// <returns>Null for any other speaker, whatever its case or spacing.</returns>
    public static SpeakerType? Map(string? speaker) => speaker switch
    {
        Agent => SpeakerType.Agent,
        User => SpeakerType.Driver,
        _ => null,
    };
}
