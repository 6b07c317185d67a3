using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>
/// Turns on PostgreSQL, through the per-turn statements (ADR 0014); a new turn is written after its call. The
/// redelivery lookup reads the conversation's last sequence number in the same round trip, and the next question for
/// it is answered from that read — the handler asks right after, under the call's row lock — until a turn is written.
/// </summary>
internal sealed class PostgresTranscriptionRepository(DbContextLease lease) : ITranscriptionRepository, IPendingRows
{
    private readonly List<Transcription> _pending = [];
    private (string ConversationId, int Value)? _lastSequenceNumber;

    public async Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken)
    {
        var (stored, last) = await PostgresTurnStatements.FindByContentHashAsync(lease.Current, conversationId, contentHash, cancellationToken);
        _lastSequenceNumber = (conversationId, last);
        return stored;
    }

    public Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_lastSequenceNumber is { } read && read.ConversationId == conversationId)
        {
            _lastSequenceNumber = null;
            return Task.FromResult(read.Value);
        }

        return PostgresTurnStatements.LastSequenceNumberAsync(lease.Current, conversationId, cancellationToken);
    }

    public void Add(Transcription transcription) => _pending.Add(transcription);

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        foreach (var transcription in _pending)
        {
            await PostgresTurnStatements.InsertAsync(lease.Current, transcription, cancellationToken);
        }

        _pending.Clear();
        _lastSequenceNumber = null;
    }

    public void Discard()
    {
        _pending.Clear();
        _lastSequenceNumber = null;
    }
}
