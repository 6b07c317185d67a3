namespace CallTranscription.Domain.Transcriptions;

public enum SpeakerType
{
    Agent,
    Driver,
}
