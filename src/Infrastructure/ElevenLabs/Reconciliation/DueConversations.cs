using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

/// <summary>
/// One query for every provider. Times are compared after reading: SQLite cannot compare the stored DateTimeOffset
/// text in SQL, and the rows read are only the calls still in progress and the call records without a call, less those given up.
/// </summary>
internal sealed class DueConversations(ApplicationDbContext context) : IDueConversations
{
    public async Task<IReadOnlyList<DueConversation>> ListAsync(DateTimeOffset quietBefore, CancellationToken cancellationToken) =>
        QuietSince(await ReadAsync(conversationId: null, cancellationToken), quietBefore);

    public async Task<DueConversation?> FindAsync(string conversationId, DateTimeOffset quietBefore, CancellationToken cancellationToken) =>
        QuietSince(await ReadAsync(conversationId, cancellationToken), quietBefore).SingleOrDefault();

    private static List<DueConversation> QuietSince(IEnumerable<DueConversation> candidates, DateTimeOffset quietBefore) =>
        [.. candidates.Where(c => c.QuietSince <= quietBefore).OrderBy(c => c.QuietSince)];

    private async Task<List<DueConversation>> ReadAsync(string? conversationId, CancellationToken cancellationToken)
    {
        var calls = context.Calls.AsNoTracking().Where(c => c.Status == CallStatus.InProgress);
        var records = context.ElevenLabsCallRecords.AsNoTracking().Where(r => !context.Calls.Any(c => c.ConversationId == r.ConversationId));
        if (conversationId is not null)
        {
            calls = calls.Where(c => c.ConversationId == conversationId);
            records = records.Where(r => r.ConversationId == conversationId);
        }

        // Turns are numbered as they are stored, so the last one's creation is the call's last activity.
        var inProgress = await (
            from c in calls
            join k in context.ConversationChecks on c.ConversationId equals k.ConversationId into checks
            from k in checks.DefaultIfEmpty()
            where k == null || k.GivenUpAt == null
            select new
            {
                c.ConversationId,
                c.CreatedAt,
                LastTurnAt = context.CallTranscriptions
                    .Where(t => t.ConversationId == c.ConversationId)
                    .OrderByDescending(t => t.SequenceNumber)
                    .Select(t => (DateTimeOffset?)t.CreatedAt)
                    .FirstOrDefault(),
                Check = k,
            }).ToListAsync(cancellationToken);
        var placed = await (
            from r in records
            join k in context.ConversationChecks on r.ConversationId equals k.ConversationId into checks
            from k in checks.DefaultIfEmpty()
            where k == null || k.GivenUpAt == null
            select new { r.ConversationId, r.CreatedAt, Check = k }).ToListAsync(cancellationToken);

        return
        [
            .. inProgress.Select(c => new DueConversation(c.ConversationId, c.CreatedAt, c.LastTurnAt ?? c.CreatedAt, c.Check)),
            .. placed.Select(r => new DueConversation(r.ConversationId, r.CreatedAt, r.CreatedAt, r.Check)),
        ];
    }
}
