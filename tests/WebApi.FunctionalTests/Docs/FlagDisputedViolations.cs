using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Transcriptions;
using MediatR;

namespace Acme.Compliance;

public sealed class FlagDisputedViolations(IComplianceQueue queue) : INotificationHandler<TranscriptionSaved>
{
    public Task Handle(TranscriptionSaved saved, CancellationToken cancellationToken) =>
        saved.Speaker == SpeakerType.Driver
            ? queue.EnqueueAsync(saved.ConversationId, saved.TranscriptionId, cancellationToken)
            : Task.CompletedTask;
}
