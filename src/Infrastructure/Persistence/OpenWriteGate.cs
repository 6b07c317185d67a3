namespace CallTranscription.Infrastructure.Persistence;

/// <summary>Server databases: every unit of work goes in; the call's row lock (ICallRowLock) orders a conversation's turns.</summary>
internal sealed class OpenWriteGate : IWriteGate
{
    private static readonly IDisposable _nothingToRelease = new NothingToRelease();

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_nothingToRelease);

    private sealed class NothingToRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
