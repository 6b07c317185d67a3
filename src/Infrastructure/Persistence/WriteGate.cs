namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// What a unit of work passes before its transaction begins. SQLite takes one writer per file: there units of work go
/// in one at a time, since waiting in order here costs less than contending for the file lock (busy retries and
/// sleeps); another process is still held off by BEGIN IMMEDIATE and the busy timeout. Server databases let every unit
/// in; the call's row lock orders a conversation's turns.
/// </summary>
internal sealed class WriteGate(bool oneAtATime)
{
    private readonly SemaphoreSlim? _semaphore = oneAtATime ? new SemaphoreSlim(1, 1) : null;

    public Task EnterAsync(CancellationToken cancellationToken) => _semaphore?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Leave() => _semaphore?.Release();
}
