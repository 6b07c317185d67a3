namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>One request's unit of work, waiting for the writer; answered only once its batch has committed.</summary>
internal abstract class WriteItem
{
    /// <summary>Drops the item, answering it as cancelled, when its request gave up while it waited.</summary>
    public abstract bool TryAbandon();

    public abstract Task RunAsync(WriterSession session);

    public abstract void Committed();

    public abstract void Failed(Exception exception);
}

internal sealed class WriteItem<T>(Func<WriterSession, Task<T>> work, CancellationToken cancellationToken) : WriteItem
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _done.Task;

    // A request that gave up before its turn began is skipped; once begun, a turn is written or failed, never cut short.
    public override bool TryAbandon() => cancellationToken.IsCancellationRequested && _done.TrySetCanceled(cancellationToken);

    public override async Task RunAsync(WriterSession session) => _result = await work(session);

    public override void Committed() => _done.TrySetResult(_result);

    public override void Failed(Exception exception) => _done.TrySetException(exception);
}
