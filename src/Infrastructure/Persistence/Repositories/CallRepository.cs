using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class CallRepository(ApplicationDbContext context, ICallRowLock rowLock) : ICallRepository
{
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        rowLock.FindAsync(context, conversationId, cancellationToken);

    public void Add(Call call) => context.Calls.Add(call);
}
