using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Common.Exceptions;
using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using MediatR;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

public sealed class SaveTranscriptionCommandHandler(
    ICallRepository calls,
    ITranscriptionRepository transcriptions,
    CallStarter callStarter,
    IUnitOfWork unitOfWork,
    TranscriptionSavedPublisher publisher,
    TimeProvider timeProvider)
    : IRequestHandler<SaveTranscriptionCommand, SaveTranscriptionResult>
{
    public async Task<SaveTranscriptionResult> Handle(SaveTranscriptionCommand request, CancellationToken cancellationToken)
    {
        var turn = DialogueTurn.From(request);
        var outcome = await unitOfWork.ExecuteAsync(ct => SaveAsync(turn, ct), cancellationToken);

        if (!outcome.Result.Replayed)
        {
            await publisher.PublishAsync(
                new TranscriptionSaved(turn.ConversationId, outcome.Result.TranscriptionId, outcome.Result.SequenceNumber, turn.Speaker, outcome.DriverId),
                cancellationToken);
        }

        return outcome.Result;
    }

    // Runs inside the unit of work; a retry re-runs all of it against a clean change tracker.
    private async Task<Outcome> SaveAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        // Taking the call first serializes the turns of one conversation on server databases (see ICallRepository).
        var callState = await calls.FindStateForUpdateAsync(turn.ConversationId, cancellationToken);

        var stored = await transcriptions.FindByContentHashAsync(turn.ConversationId, turn.ContentHash, cancellationToken);
        if (stored is not null)
        {
            return new Outcome(new SaveTranscriptionResult(stored.Id, stored.SequenceNumber, Replayed: true), DriverId: null);
        }

        if (callState is { HasEnded: true })
        {
            return await ReplayLateTurnAsync(turn, callState.Status, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        var driverId = callState is null
            ? (await callStarter.StartAsync(turn.ConversationId, turn.Timestamp, now, cancellationToken)).DriverId
            : callState.DriverId;

        var sequenceNumber = await transcriptions.GetLastSequenceNumberAsync(turn.ConversationId, cancellationToken) + 1;
        var transcription = new Transcription
        {
            ConversationId = turn.ConversationId,
            SpeakerType = turn.Speaker,
            MessageText = turn.Message,
            Timestamp = turn.Timestamp,
            SequenceNumber = sequenceNumber,
            ContentHash = turn.ContentHash,
            CreatedAt = now,
        };
        transcriptions.Add(transcription);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        return new Outcome(new SaveTranscriptionResult(transcription.Id, sequenceNumber, Replayed: false, CallStarted: callState is null), driverId);
    }

    // The post-call transcript made the conversation complete: a turn the relay sends afterwards is one of its turns
    // (with the relay's timestamp, so another content hash), or it has no place (docs/decisions/0016-post-call-transcript-placement.md).
    private async Task<Outcome> ReplayLateTurnAsync(DialogueTurn turn, CallStatus status, CancellationToken cancellationToken)
    {
        var stored = await transcriptions.ListByConversationAsync(turn.ConversationId, cancellationToken);
        var same = stored.FirstOrDefault(t => SpokenText.Same(t, turn.Speaker, turn.Message))
            ?? throw new CallEndedException(turn.ConversationId, status);
        return new Outcome(new SaveTranscriptionResult(same.Id, same.SequenceNumber, Replayed: true), DriverId: null);
    }

    private sealed record Outcome(SaveTranscriptionResult Result, int? DriverId);
}
