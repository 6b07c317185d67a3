namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>ElevenLabs' Conversations API, read-only.</summary>
public interface IConversationsApi
{
    /// <summary>The conversation, or null when ElevenLabs does not know it (404).</summary>
    /// <exception cref="ConversationsApiRefusedException">The API refused the key (401, 403).</exception>
    /// <exception cref="ConversationsApiUnavailableException">No answer after the retries: 429, 5xx, a timeout, no connection.</exception>
    /// <exception cref="InvalidConversationException">The answer is not the documented shape.</exception>
    Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Every conversation that started at or after <paramref name="since"/>, newest first, page by page.</summary>
    IAsyncEnumerable<ConversationSummary> ListAsync(DateTimeOffset since, string? agentId, CancellationToken cancellationToken);
}
