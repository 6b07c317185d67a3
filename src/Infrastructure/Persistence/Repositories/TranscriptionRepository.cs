using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class TranscriptionRepository(DbContextLease lease) : ITranscriptionRepository
{
    public Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken) =>
        CompiledQueries.TranscriptionByContentHash.For(lease.Current)(lease.Current, conversationId, contentHash, cancellationToken);

    public async Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken) =>
        await CompiledQueries.LastSequenceNumber.For(lease.Current)(lease.Current, conversationId, cancellationToken) ?? 0;

    public void Add(Transcription transcription) => lease.Current.CallTranscriptions.Add(transcription);
}
