using CallTranscription.Application.Calls.Reconcile;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

/// <summary>SQLite: one process owns the database file, and its sweeps run one at a time, so every claim is granted.</summary>
internal sealed class ProcessLocalClaims : IConversationClaims
{
    public Task<IAsyncDisposable?> TryClaimAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(Granted.Instance);

    private sealed class Granted : IAsyncDisposable
    {
        public static readonly Granted Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
