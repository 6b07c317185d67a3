using CallTranscription.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class DriverLookup(DbContextLease lease) : IDriverLookup
{
    public Task<int?> FindDriverIdByConversationIdAsync(string conversationId, CancellationToken cancellationToken) =>
        lease.Current.ElevenLabsCallRecords.AsNoTracking()
            .Where(r => r.ConversationId == conversationId)
            .Select(r => (int?)r.DriverId)
            .FirstOrDefaultAsync(cancellationToken);
}
