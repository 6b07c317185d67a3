using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class CallRepository(ApplicationDbContext context) : ICallRepository
{
    public Task<Call?> FindByConversationIdAsync(string conversationId, CancellationToken cancellationToken) =>
        context.Calls.FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);

    public void Add(Call call) => context.Calls.Add(call);
}
