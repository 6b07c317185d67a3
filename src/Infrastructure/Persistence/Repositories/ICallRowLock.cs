using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// A server database's way of reading a conversation's call row under a lock held until commit, so that the turns of
/// one conversation are numbered one at a time. Each provider writes it in its own SQL.
/// </summary>
internal interface ICallRowLock
{
    IQueryable<Call> Select(ApplicationDbContext context, string conversationId);
}
