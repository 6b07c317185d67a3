using CallTranscription.Application.Common.Models;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// How a provider reads a conversation's call so that no other unit of work can write that conversation until this one
/// commits: the turns of one conversation are numbered one at a time. The same lock whether the call comes back
/// tracked or only its state is read.
/// </summary>
internal interface ICallRowLock
{
    /// <summary>The call, tracked: a change to it is saved with the unit of work.</summary>
    Task<Call?> FindAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken);

    /// <summary>Only the call's state (<see cref="CallStates.FromCall"/>), under the same lock; nothing is tracked.</summary>
    Task<CallState?> FindStateAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken);
}
