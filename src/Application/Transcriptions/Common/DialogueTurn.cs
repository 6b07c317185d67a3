using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>A validated turn: speaker mapped, time in UTC, fingerprint computed.</summary>
public sealed record DialogueTurn(
    string ConversationId,
    SpeakerType Speaker,
    string Message,
    DateTimeOffset Timestamp,
    string ContentHash)
{
    public static DialogueTurn From(SaveTranscriptionCommand command)
    {
        var speaker = SpeakerMapping.Map(command.Speaker!);
        var timestamp = TurnTimestamp.Parse(command.Timestamp!);
        return new DialogueTurn(
            command.ConversationId!,
            speaker,
            command.Message!,
            timestamp,
            Common.ContentHash.Of(command.ConversationId!, speaker, timestamp, command.Message!));
    }
}
