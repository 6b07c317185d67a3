using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// How a provider reads a conversation's call so that no other unit of work can write that conversation until this one
/// commits: the turns of one conversation are numbered one at a time. The call comes back tracked, or untracked for a
/// unit of work that only reads it; the lock is the same.
/// </summary>
internal interface ICallRowLock
{
    Task<Call?> FindAsync(ApplicationDbContext context, string conversationId, bool tracked, CancellationToken cancellationToken);
}
