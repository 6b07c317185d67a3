namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>
/// The conversations that may not have ended here although they have ended at ElevenLabs: calls still in progress,
/// and call records with no call at all, quiet since before a given time and not given up.
/// </summary>
public interface IDueConversations
{
    /// <summary>Every such conversation quiet since before <paramref name="quietBefore"/>, the longest quiet first.</summary>
    Task<IReadOnlyList<DueConversation>> ListAsync(DateTimeOffset quietBefore, CancellationToken cancellationToken);

    /// <summary>The conversation if it is (still) due, read again just before it is checked.</summary>
    Task<DueConversation?> FindAsync(string conversationId, DateTimeOffset quietBefore, CancellationToken cancellationToken);
}
