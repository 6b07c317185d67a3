namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// One unit of work at a time in this process. SQLite takes one writer per file anyway; waiting here, in order, costs
/// less than contending for the file lock (busy retries and sleeps), and it orders the turns of one conversation.
/// Another process on the same file is still held off by BEGIN IMMEDIATE and the busy timeout.
/// </summary>
internal sealed class SqliteWriteGate : IWriteGate
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Exit _exit;

    public SqliteWriteGate() => _exit = new Exit(_writer);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return _exit;
    }

    private sealed class Exit(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }
}
