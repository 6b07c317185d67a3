using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class TranscriptionRepository(ApplicationDbContext context) : ITranscriptionRepository
{
    public Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken) =>
        CompiledQueries.TranscriptionByContentHash.For(context)(context, conversationId, contentHash, cancellationToken);

    public async Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken) =>
        await CompiledQueries.LastSequenceNumber.For(context)(context, conversationId, cancellationToken) ?? 0;

    public async Task<IReadOnlyList<Transcription>> ListByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        await context.CallTranscriptions.AsNoTracking()
            .Where(t => t.ConversationId == conversationId)
            .OrderBy(t => t.SequenceNumber)
            .ToListAsync(cancellationToken);

    public void Add(Transcription transcription) => context.CallTranscriptions.Add(transcription);
}
