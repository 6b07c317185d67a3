namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// One unit of work at a time in this process. SQLite takes one writer per file anyway; waiting here, in order, costs
/// less than contending for the file lock (busy retries and sleeps), and it orders the turns of one conversation.
/// Another process on the same file is still held off by BEGIN IMMEDIATE and the busy timeout.
/// </summary>
/// <remarks>
/// The gate passes straight from one unit of work to the next waiter, queued on the releasing thread's own work queue:
/// a waiter resumed through the thread pool's global queue would wait behind every request still being parsed, while
/// the gate — the one thing every turn needs — stood idle (measured: a third of the throughput at 64 callers).
/// </remarks>
internal sealed class SqliteWriteGate : IWriteGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _waiters = new();
    private bool _held;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<IDisposable> waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Exit(this);
            }

            // Continuations run synchronously: the unit of work resumes inside the hand-over, with no second queueing.
            waiter = new TaskCompletionSource<IDisposable>();
            _waiters.Enqueue(waiter);
        }

        await using (cancellationToken.UnsafeRegister(static state => ((TaskCompletionSource<IDisposable>)state!).TrySetCanceled(), waiter))
        {
            return await waiter.Task;
        }
    }

    private void Release()
    {
        TaskCompletionSource<IDisposable>? next;
        lock (_lock)
        {
            // A waiter cancelled while queued is skipped; one cancelled during the hand-over passes it on (HandOver).
            while (_waiters.TryDequeue(out next) && next.Task.IsCompleted)
            {
            }

            if (next is null)
            {
                _held = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Gate.HandOver(state.Next), (Gate: this, Next: next), preferLocal: true);
    }

    private void HandOver(TaskCompletionSource<IDisposable> next)
    {
        if (!next.TrySetResult(new Exit(this)))
        {
            Release();
        }
    }

    /// <summary>Leaves the gate once, however often it is disposed: a second release would let two writers in.</summary>
    private sealed class Exit(SqliteWriteGate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
