using CallTranscription.Application.Common.Interfaces;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class DriverLookup(ApplicationDbContext context) : IDriverLookup
{
    public Task<int?> FindDriverIdByConversationIdAsync(string conversationId, CancellationToken cancellationToken) =>
        CompiledQueries.DriverIdByConversation.For(context)(context, conversationId, cancellationToken);
}
