namespace CallTranscription.Bench.References;

/// <summary>
/// The SQLite reference's one-turn-at-a-time gate: the fastest hand-over measured (docs/performance.md), so that the
/// reference is as fast as one transaction per turn can be. The service once ran this gate; it now runs a SemaphoreSlim.
/// </summary>
/// <remarks>
/// The gate passes straight from one unit of work to the next waiter, queued on the releasing thread's own work queue,
/// and the releasing caller steps aside (its continuation goes to the thread pool's global queue), so that the thread
/// runs the next unit of work before the rest of the releasing request (ASP.NET Core has no SynchronizationContext to
/// post it to instead). Any other way the gate — the one thing every turn needs — stands idle: a waiter resumed through
/// the global queue waits behind every request still being parsed, and one queued locally without the step aside waits
/// while the releasing thread writes its own response (docs/performance.md). A caller that leaves the gate empty goes on
/// at once.
/// </remarks>
internal sealed class HandOffGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<IAsyncDisposable>> _waiters = new();
    private bool _held;

    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<IAsyncDisposable> waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Exit(this);
            }

            // Continuations run synchronously: the unit of work resumes inside the hand-over, with no second queueing.
            waiter = new TaskCompletionSource<IAsyncDisposable>();
            _waiters.Enqueue(waiter);
        }

        await using (cancellationToken.UnsafeRegister(static state => ((TaskCompletionSource<IAsyncDisposable>)state!).TrySetCanceled(), waiter))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }

    /// <returns>Whether a waiter was handed the gate.</returns>
    private bool Release()
    {
        TaskCompletionSource<IAsyncDisposable>? next;
        lock (_lock)
        {
            // A waiter cancelled while queued is skipped; one cancelled during the hand-over passes it on (HandOver).
            while (_waiters.TryDequeue(out next) && next.Task.IsCompleted)
            {
            }

            if (next is null)
            {
                _held = false;
                return false;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Gate.HandOver(state.Next), (Gate: this, Next: next), preferLocal: true);
        return true;
    }

    private void HandOver(TaskCompletionSource<IAsyncDisposable> next)
    {
        if (!next.TrySetResult(new Exit(this)))
        {
            _ = Release();
        }
    }

    /// <summary>Leaves the gate once, however often it is disposed: a second release would let two writers in.</summary>
    private sealed class Exit(HandOffGate gate) : IAsyncDisposable
    {
        private int _left;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0 && gate.Release())
            {
                await Task.Yield();
            }
        }
    }
}
