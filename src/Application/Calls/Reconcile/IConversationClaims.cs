namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>Claims a conversation for one check, so that among several instances only one checks it at a time.</summary>
public interface IConversationClaims
{
    /// <summary>The claim, held until disposed; null when another instance holds it now.</summary>
    Task<IAsyncDisposable?> TryClaimAsync(string conversationId, CancellationToken cancellationToken);
}
