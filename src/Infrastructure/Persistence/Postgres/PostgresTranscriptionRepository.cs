using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>Turns on PostgreSQL, through the per-turn statements (ADR 0014); a new turn is written after its call.</summary>
internal sealed class PostgresTranscriptionRepository(DbContextLease lease) : ITranscriptionRepository, IPendingRows
{
    private readonly List<Transcription> _pending = [];

    public Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken) =>
        PostgresTurnStatements.FindByContentHashAsync(lease.Current, conversationId, contentHash, cancellationToken);

    public Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken) =>
        PostgresTurnStatements.LastSequenceNumberAsync(lease.Current, conversationId, cancellationToken);

    public void Add(Transcription transcription) => _pending.Add(transcription);

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        foreach (var transcription in _pending)
        {
            await PostgresTurnStatements.InsertAsync(lease.Current, transcription, cancellationToken);
        }

        _pending.Clear();
    }

    public void Discard() => _pending.Clear();
}
