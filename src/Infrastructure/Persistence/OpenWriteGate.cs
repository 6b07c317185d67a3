namespace CallTranscription.Infrastructure.Persistence;

/// <summary>Server databases: every unit of work goes in; the call's row lock (ICallRowLock) orders a conversation's turns.</summary>
internal sealed class OpenWriteGate : IWriteGate
{
    private static readonly IAsyncDisposable _nothingToRelease = new NothingToRelease();

    public ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_nothingToRelease);

    private sealed class NothingToRelease : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
