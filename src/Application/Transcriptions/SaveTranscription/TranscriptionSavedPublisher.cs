using CallTranscription.Application.Common.Exceptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

/// <summary>
/// Tells the subscribers of a committed turn. Their failure (a timeout included) is logged, never thrown: the turn is
/// stored, and a sender told to retry would get a replay, which publishes nothing.
/// </summary>
public sealed partial class TranscriptionSavedPublisher(IMediator mediator, ILogger<TranscriptionSavedPublisher> logger)
{
    public async Task PublishAsync(TranscriptionSaved saved, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Publish(saved, cancellationToken);
        }
        catch (Exception exception) when (!exception.IsCancellationBy(cancellationToken))
        {
            LogSubscriberFailed(exception, saved.ConversationId, saved.TranscriptionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A TranscriptionSaved subscriber failed for conversation {ConversationId}, transcription {TranscriptionId}")]
    private partial void LogSubscriberFailed(Exception exception, string conversationId, int transcriptionId);
}
