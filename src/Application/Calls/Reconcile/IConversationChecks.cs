using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>Each conversation's <see cref="ConversationCheck"/>, changed inside a unit of work.</summary>
public interface IConversationChecks
{
    /// <summary>The conversation's check, tracked: a new one, due now, when it has none.</summary>
    Task<ConversationCheck> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Removes the check of a conversation that has ended, if it has one.</summary>
    Task ForgetAsync(string conversationId, CancellationToken cancellationToken);
}
