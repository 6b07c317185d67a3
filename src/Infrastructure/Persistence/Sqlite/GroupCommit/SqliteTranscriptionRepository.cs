using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>Turns on SQLite's writer, through the statements prepared on its connection (ADR 0007).</summary>
internal sealed class SqliteTranscriptionRepository(WriterSessionLease lease) : ITranscriptionRepository
{
    public Task<Transcription?> FindByContentHashAsync(string conversationId, string contentHash, CancellationToken cancellationToken) =>
        Task.FromResult(lease.Current.Statements.FindByContentHash(conversationId, contentHash));

    public Task<int> GetLastSequenceNumberAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(lease.Current.Statements.LastSequenceNumber(conversationId));

    public void Add(Transcription transcription) => lease.Current.AddPending(transcription);
}
