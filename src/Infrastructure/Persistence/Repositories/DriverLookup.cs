using CallTranscription.Application.Common.Interfaces;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class DriverLookup(DbContextLease lease) : IDriverLookup
{
    public Task<int?> FindDriverIdByConversationIdAsync(string conversationId, CancellationToken cancellationToken) =>
        CompiledQueries.DriverIdByConversation.For(lease.Current)(lease.Current, conversationId, cancellationToken);
}
