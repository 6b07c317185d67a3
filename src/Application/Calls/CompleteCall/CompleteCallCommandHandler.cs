using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Transcriptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Calls.CompleteCall;

public sealed partial class CompleteCallCommandHandler(
    ICallRepository calls,
    ITranscriptionRepository transcriptions,
    CallStarter callStarter,
    IUnitOfWork unitOfWork,
    TranscriptionSavedPublisher publisher,
    TimeProvider timeProvider,
    ILogger<CompleteCallCommandHandler> logger)
    : IRequestHandler<CompleteCallCommand, CompleteCallResult>
{
    public async Task<CompleteCallResult> Handle(CompleteCallCommand request, CancellationToken cancellationToken)
    {
        var outcome = await unitOfWork.ExecuteAsync(ct => CompleteAsync(request, ct), cancellationToken);

        var result = outcome.Result;
        if (result.UnplacedEntries.Count > 0 || result.StoredTurnsNotInTranscript > 0)
        {
            LogIncomplete(result.ConversationId, result.UnplacedEntries.Count, result.StoredTurnsNotInTranscript, result.TurnsStored,
                result.TurnsAlreadyStored);
        }

        foreach (var stored in outcome.Stored)
        {
            await publisher.PublishAsync(
                new TranscriptionSaved(stored.ConversationId, stored.Id, stored.SequenceNumber, stored.SpeakerType, outcome.DriverId),
                cancellationToken);
        }

        return result;
    }

    // Runs inside the unit of work; a retry re-runs all of it against a clean change tracker.
    private async Task<Outcome> CompleteAsync(CompleteCallCommand request, CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId!;
        var startedAt = UnixTime.ToUtc(request.StartTimeUnixSecs!.Value);
        var endedAt = startedAt + UnixTime.Seconds(request.CallDurationSecs!.Value);
        var now = timeProvider.GetUtcNow();

        var call = await calls.FindForUpdateAsync(conversationId, cancellationToken);
        var stored = call is null ? [] : await transcriptions.ListByConversationAsync(conversationId, cancellationToken);
        var started = call is null;
        call ??= await callStarter.StartAsync(conversationId, startedAt, now, cancellationToken);
        var ended = request.Status == CompleteCallCommand.FailedStatus ? call.Fail(endedAt, now) : call.Complete(endedAt, now);

        var placement = TranscriptPlacement.Place(stored, Turns(request.Transcript, startedAt));
        var added = placement.AppendTo(conversationId, now);
        foreach (var transcription in added)
        {
            transcriptions.Add(transcription);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);

        var result = new CompleteCallResult(
            conversationId,
            call.Status,
            ended,
            added.Count,
            placement.AlreadyStored,
            placement.Unplaced.Select(turn => turn.EntryIndex).ToList(),
            placement.StoredTurnsNotInTranscript,
            started);
        return new Outcome(result, added, call.DriverId);
    }

    // The entries with text, each at the call's start plus its offset (the validator has passed them).
    private static List<TranscriptTurn> Turns(IReadOnlyList<TranscriptEntry> entries, DateTimeOffset startedAt) => entries
        .Select((entry, index) => (entry, index))
        .Where(e => e.entry.HasText)
        .Select(e => new TranscriptTurn(e.index, new Turn(
            SpeakerMapping.Map(e.entry.Role)!.Value, e.entry.Message!, startedAt + UnixTime.Seconds(e.entry.TimeInCallSecs!.Value))))
        .ToList();

    private sealed record Outcome(CompleteCallResult Result, IReadOnlyList<Transcription> Stored, int? DriverId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post-call transcript of conversation {ConversationId} is not fully stored: "
        + "{UnplacedEntries} entries fall between stored turns and were not stored, {StoredTurnsNotInTranscript} stored turns are not in it; "
        + "{TurnsStored} turns stored now, {TurnsAlreadyStored} already stored")]
    private partial void LogIncomplete(string conversationId, int unplacedEntries, int storedTurnsNotInTranscript, int turnsStored, int turnsAlreadyStored);
}
