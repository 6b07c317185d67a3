using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class TranscriptionRepository(DbContextLease lease) : ITranscriptionRepository
{
    public Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken) =>
        lease.Current.CallTranscriptions.AsNoTracking()
            .FirstOrDefaultAsync(t => t.ConversationId == conversationId && t.ContentHash == contentHash, cancellationToken);

    // MAX over the (conversation_id, sequence_number) index stays constant-time as a conversation grows; COUNT does not.
    public async Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken) =>
        await lease.Current.CallTranscriptions
            .Where(t => t.ConversationId == conversationId)
            .MaxAsync(t => (int?)t.SequenceNumber, cancellationToken) ?? 0;

    public void Add(Transcription transcription) => lease.Current.CallTranscriptions.Add(transcription);
}
