using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Common.Interfaces;

public interface ITranscriptionRepository
{
    Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken);

    /// <summary>The highest stored sequence number of the conversation, 0 when it has none.</summary>
    Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Every stored turn of the conversation, by sequence number.</summary>
    Task<IReadOnlyList<Transcription>> ListByConversationAsync(string conversationId, CancellationToken cancellationToken);

    void Add(Transcription transcription);
}
