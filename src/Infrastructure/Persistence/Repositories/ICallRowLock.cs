using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// How a provider reads a conversation's call so that no other unit of work can write that conversation until this one
/// commits: the turns of one conversation are numbered one at a time.
/// </summary>
internal interface ICallRowLock
{
    /// <summary>The call, tracked: a change to it is saved with the unit of work.</summary>
    Task<Call?> FindAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken);
}
