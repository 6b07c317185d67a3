using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Transcriptions.Common;
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
        var conversationId = request.ConversationId!;
        var turn = new Turn(SpeakerMapping.Map(request.Speaker)!.Value, request.Message!, request.ParsedTimestamp!.Value);
        var outcome = await unitOfWork.ExecuteAsync(ct => SaveAsync(conversationId, turn, ct), cancellationToken);

        if (!outcome.Result.Replayed)
        {
            await publisher.PublishAsync(
                new TranscriptionSaved(conversationId, outcome.Result.TranscriptionId, outcome.Result.SequenceNumber, turn.Speaker, outcome.DriverId),
                cancellationToken);
        }

        return outcome.Result;
    }

    // Runs inside the unit of work; a retry re-runs all of it against a clean change tracker.
    private async Task<Outcome> SaveAsync(string conversationId, Turn turn, CancellationToken cancellationToken)
    {
        // Taking the call first serializes the turns of one conversation on server databases (see ICallRepository).
        var call = await calls.FindForUpdateAsync(conversationId, cancellationToken);

        var contentHash = ContentHash.Of(conversationId, turn);
        var stored = await transcriptions.FindByContentHashAsync(conversationId, contentHash, cancellationToken);
        if (stored is null && call is { HasEnded: true })
        {
            stored = call.ReplayLateTurn(await transcriptions.ListByConversationAsync(conversationId, cancellationToken), turn);
        }

        if (stored is not null)
        {
            return new Outcome(new SaveTranscriptionResult(stored.Id, stored.SequenceNumber, Replayed: true), DriverId: null);
        }

        var now = timeProvider.GetUtcNow();
        var started = call is null;
        call ??= await callStarter.StartAsync(conversationId, turn.Timestamp, now, cancellationToken);
        var lastSequenceNumber = await transcriptions.GetLastSequenceNumberAsync(conversationId, cancellationToken);
        var transcription = Transcription.Next(conversationId, lastSequenceNumber, turn, contentHash, now);
        transcriptions.Add(transcription);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        return new Outcome(new SaveTranscriptionResult(transcription.Id, transcription.SequenceNumber, Replayed: false, CallStarted: started), call.DriverId);
    }

    private sealed record Outcome(SaveTranscriptionResult Result, int? DriverId);
}
