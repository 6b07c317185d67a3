using CallTranscription.Domain.Transcriptions;
using MediatR;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

/// <summary>Published once a new turn is committed; add an <see cref="INotificationHandler{TNotification}"/> to react.</summary>
public sealed record TranscriptionSaved(
    string ConversationId,
    int TranscriptionId,
    int SequenceNumber,
    SpeakerType Speaker,
    int? DriverId) : INotification;
