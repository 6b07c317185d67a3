using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class TranscriptionRepository(ApplicationDbContext context) : ITranscriptionRepository
{
    public Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken) =>
        CompiledQueries.TranscriptionByContentHash.For(context)(context, conversationId, contentHash, cancellationToken);

    public async Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken) =>
        await CompiledQueries.LastSequenceNumber.For(context)(context, conversationId, cancellationToken) ?? 0;

    public void Add(Transcription transcription) => context.CallTranscriptions.Add(transcription);
}
