using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// The reads of every turn, compiled once per model: EF Core's per-query translation lookup costs more than a short
/// statement itself (docs/performance.md).
/// </summary>
internal static class CompiledQueries
{
    public static readonly PerModel<Func<ApplicationDbContext, string, string, CancellationToken, Task<Transcription?>>> TranscriptionByContentHash = new(_ =>
        EF.CompileAsyncQuery((ApplicationDbContext db, string conversationId, string contentHash, CancellationToken _) =>
            db.CallTranscriptions.AsNoTracking().FirstOrDefault(t => t.ConversationId == conversationId && t.ContentHash == contentHash)));

    // MAX over the (conversation_id, sequence_number) index stays constant-time as a conversation grows; COUNT does not.
    public static readonly PerModel<Func<ApplicationDbContext, string, CancellationToken, Task<int?>>> LastSequenceNumber = new(_ =>
        EF.CompileAsyncQuery((ApplicationDbContext db, string conversationId, CancellationToken _) =>
            db.CallTranscriptions.Where(t => t.ConversationId == conversationId).Max(t => (int?)t.SequenceNumber)));

    public static readonly PerModel<Func<ApplicationDbContext, string, CancellationToken, Task<int?>>> DriverIdByConversation = new(_ =>
        EF.CompileAsyncQuery((ApplicationDbContext db, string conversationId, CancellationToken _) =>
            db.ElevenLabsCallRecords.Where(r => r.ConversationId == conversationId).Select(r => (int?)r.DriverId).FirstOrDefault()));

    /// <summary>SQLite's read of the call: its write gate already holds every other writer off.</summary>
    public static readonly PerModel<Func<ApplicationDbContext, string, CancellationToken, Task<Call?>>> CallByConversation = new(_ =>
        EF.CompileAsyncQuery((ApplicationDbContext db, string conversationId, CancellationToken _) =>
            db.Calls.FirstOrDefault(c => c.ConversationId == conversationId)));
}
