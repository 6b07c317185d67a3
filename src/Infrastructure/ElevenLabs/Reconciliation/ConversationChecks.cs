using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

internal sealed class ConversationChecks(ApplicationDbContext context) : IConversationChecks
{
    public async Task<ConversationCheck> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        await context.ConversationChecks.FindAsync([conversationId], cancellationToken)
        ?? context.ConversationChecks.Add(ConversationCheck.For(conversationId)).Entity;

    public async Task ForgetAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await context.ConversationChecks.FindAsync([conversationId], cancellationToken) is { } check)
        {
            context.ConversationChecks.Remove(check);
        }
    }
}
