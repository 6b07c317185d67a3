namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>Whether the Conversations API refuses ElevenLabs:ApiKey now; a spell lasts until it answers again.</summary>
public sealed class ApiKeyState
{
    private int _refusedWith;

    /// <summary>The status of the refusal (401, 403), or null while the key is accepted.</summary>
    public int? RefusedWith => Volatile.Read(ref _refusedWith) is var status and > 0 ? status : null;

    /// <returns>True when this starts a spell of refusals.</returns>
    public bool Refused(int statusCode) => Interlocked.Exchange(ref _refusedWith, statusCode) == 0;

    /// <returns>True when this ends a spell of refusals.</returns>
    public bool Accepted() => Interlocked.Exchange(ref _refusedWith, 0) != 0;
}
