using MediatR;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

/// <summary>One dialogue turn as ElevenLabs delivered it; fields stay raw strings until the validator has passed them.</summary>
public sealed record SaveTranscriptionCommand(
    string? ConversationId,
    string? Speaker,
    string? Message,
    string? Timestamp) : IRequest<SaveTranscriptionResult>;
