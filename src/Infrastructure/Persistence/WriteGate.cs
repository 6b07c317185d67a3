namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writer at a time and Microsoft.Data.Sqlite waits out a busy database in 150 ms sleeps;
/// queueing writers in-process instead keeps latency flat. Server databases need no gate.
/// </summary>
internal sealed class WriteGate(bool serializeWriters)
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serializeWriters)
        {
            return null;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
