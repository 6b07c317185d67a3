using CallTranscription.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class DriverLookup(ApplicationDbContext context) : IDriverLookup
{
    public Task<int?> FindDriverIdByConversationIdAsync(string conversationId, CancellationToken cancellationToken) =>
        context.ElevenLabsCallRecords.AsNoTracking()
            .Where(r => r.ConversationId == conversationId)
            .Select(r => (int?)r.DriverId)
            .FirstOrDefaultAsync(cancellationToken);
}
