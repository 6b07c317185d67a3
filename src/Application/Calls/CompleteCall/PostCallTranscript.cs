using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Transcriptions.Common;

namespace CallTranscription.Application.Calls.CompleteCall;

/// <summary>A validated transcript: times in UTC, speakers mapped, only the entries that are turns.</summary>
public sealed record PostCallTranscript(
    string ConversationId,
    bool Failed,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<TranscriptTurn> Turns)
{
    public static PostCallTranscript From(CompleteCallCommand command)
    {
        var startedAt = UnixTime.ToUtc(command.StartTimeUnixSecs!.Value);
        var turns = command.Transcript
            .Select((entry, index) => (entry, index))
            .Where(e => e.entry.HasText)
            .Select(e => new TranscriptTurn(
                e.index,
                SpeakerMapping.Map(e.entry.Role!),
                e.entry.Message!,
                startedAt + UnixTime.Seconds(e.entry.TimeInCallSecs!.Value)))
            .ToList();
        return new PostCallTranscript(
            command.ConversationId!,
            command.Status == CompleteCallCommand.FailedStatus,
            startedAt,
            startedAt + UnixTime.Seconds(command.CallDurationSecs!.Value),
            turns);
    }
}
