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
        var transcript = PostCallTranscript.From(request);
        var outcome = await unitOfWork.ExecuteAsync(ct => CompleteAsync(transcript, ct), cancellationToken);

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
    private async Task<Outcome> CompleteAsync(PostCallTranscript transcript, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var call = await calls.FindForUpdateAsync(transcript.ConversationId, cancellationToken);
        var stored = call is null ? [] : await transcriptions.ListByConversationAsync(transcript.ConversationId, cancellationToken);
        var started = call is null;
        call ??= await callStarter.StartAsync(transcript.ConversationId, transcript.StartedAt, now, cancellationToken);

        var ended = transcript.Failed ? call.Fail(transcript.EndedAt, now) : call.Complete(transcript.EndedAt, now);

        var placement = TranscriptPlacement.Place(stored, transcript.Turns);
        var sequenceNumber = stored.Count == 0 ? 0 : stored[^1].SequenceNumber;
        var added = placement.Appended.Select(turn => new Transcription
        {
            ConversationId = transcript.ConversationId,
            SpeakerType = turn.Speaker,
            MessageText = turn.Message,
            Timestamp = turn.Timestamp,
            SequenceNumber = ++sequenceNumber,
            ContentHash = ContentHash.OfTranscriptEntry(transcript.ConversationId, turn.EntryIndex, turn.Speaker, turn.Timestamp, turn.Message),
            CreatedAt = now,
        }).ToList();
        foreach (var transcription in added)
        {
            transcriptions.Add(transcription);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);

        var result = new CompleteCallResult(
            transcript.ConversationId,
            call.Status,
            ended,
            added.Count,
            placement.AlreadyStored,
            placement.Unplaced.Select(turn => turn.EntryIndex).ToList(),
            placement.StoredTurnsNotInTranscript,
            started);
        return new Outcome(result, added, call.DriverId);
    }

    private sealed record Outcome(CompleteCallResult Result, IReadOnlyList<Transcription> Stored, int? DriverId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post-call transcript of conversation {ConversationId} is not fully stored: "
        + "{UnplacedEntries} entries fall between stored turns and were not stored, {StoredTurnsNotInTranscript} stored turns are not in it; "
        + "{TurnsStored} turns stored now, {TurnsAlreadyStored} already stored")]
    private partial void LogIncomplete(string conversationId, int unplacedEntries, int storedTurnsNotInTranscript, int turnsStored, int turnsAlreadyStored);

}
