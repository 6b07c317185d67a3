using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Common.Models;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class CallRepository(ApplicationDbContext context, ICallRowLock rowLock) : ICallRepository
{
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        rowLock.FindAsync(context, conversationId, cancellationToken);

    public Task<CallState?> FindStateForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        rowLock.FindStateAsync(context, conversationId, cancellationToken);

    public void Add(Call call) => context.Calls.Add(call);
}
