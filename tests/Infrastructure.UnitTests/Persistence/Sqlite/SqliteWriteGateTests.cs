using CallTranscription.Infrastructure.Persistence.Sqlite;

namespace CallTranscription.Infrastructure.UnitTests.Persistence.Sqlite;

public class SqliteWriteGateTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private readonly SqliteWriteGate _gate = new();

    [Test]
    public async Task ShouldLetOneUnitOfWorkInAtATime()
    {
        var first = await _gate.EnterAsync(CancellationToken.None);

        var second = _gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.That(second.IsCompleted, Is.False, "the second waits while the first is inside");

        await first.DisposeAsync();
        await (await second.WaitAsync(_patience)).DisposeAsync();
    }

    [Test]
    public async Task ShouldLetWaitersInInTheOrderTheyCame()
    {
        var entered = new List<int>();
        var holder = await _gate.EnterAsync(CancellationToken.None);
        var waiters = Enumerable.Range(1, 5).Select(async number =>
        {
            await using (await _gate.EnterAsync(CancellationToken.None))
            {
                entered.Add(number);
            }
        }).ToList();

        await holder.DisposeAsync();
        await Task.WhenAll(waiters).WaitAsync(_patience);

        Assert.That(entered, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task ShouldPassTheGateOnWhenAWaiterGivesUp()
    {
        var holder = await _gate.EnterAsync(CancellationToken.None);
        using var givingUp = new CancellationTokenSource();
        var cancelled = _gate.EnterAsync(givingUp.Token).AsTask();
        var next = _gate.EnterAsync(CancellationToken.None).AsTask();

        await givingUp.CancelAsync();
        await holder.DisposeAsync();

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        await (await next.WaitAsync(_patience)).DisposeAsync();
    }

    [Test]
    public async Task ShouldLetTheNextUnitOfWorkInBeforeTheReleasingCallerGoesOn()
    {
        var holder = await _gate.EnterAsync(CancellationToken.None);
        var next = _gate.EnterAsync(CancellationToken.None).AsTask();
        var releasingCaller = new RecordingContext();

        var leaving = releasingCaller.Run(holder.DisposeAsync);
        var nextInside = await next.WaitAsync(_patience);

        Assert.That(leaving.IsCompleted, Is.False, "the releasing caller has not gone on while the next one is inside");
        Assert.That(releasingCaller.Continuations, Has.Count.EqualTo(1), "the releasing caller stepped aside once");
        releasingCaller.RunContinuations();
        await leaving;
        await nextInside.DisposeAsync();
    }

    [Test]
    public async Task ShouldLetTheNextWaiterInWhenTheUnitOfWorkFails()
    {
        var holder = await _gate.EnterAsync(CancellationToken.None);
        var next = _gate.EnterAsync(CancellationToken.None).AsTask();

        Assert.That(
            async () =>
            {
                await using (holder)
                {
                    throw new InvalidOperationException("the unit of work failed");
                }
            },
            Throws.InvalidOperationException);
        await (await next.WaitAsync(_patience)).DisposeAsync();
    }

    [Test]
    public async Task ShouldLeaveAtOnceWhenNobodyWaits()
    {
        var holder = await _gate.EnterAsync(CancellationToken.None);

        var leaving = holder.DisposeAsync();

        Assert.That(leaving.IsCompleted, Is.True, "with nobody to hand the gate to, it goes on without a hop");
        await leaving;
        await (await _gate.EnterAsync(CancellationToken.None)).DisposeAsync();
    }

    [Test]
    public async Task ShouldLeaveTheGateOnceWhenDisposedTwice()
    {
        var first = await _gate.EnterAsync(CancellationToken.None);
        var second = _gate.EnterAsync(CancellationToken.None).AsTask();
        var third = _gate.EnterAsync(CancellationToken.None).AsTask();

        await first.DisposeAsync();
        await first.DisposeAsync();
        var inside = await second.WaitAsync(_patience);
        await Task.Delay(50);

        Assert.That(third.IsCompleted, Is.False, "a second DisposeAsync must not let a second writer in");
        await inside.DisposeAsync();
        await (await third.WaitAsync(_patience)).DisposeAsync();
    }

    /// <summary>Holds the continuations posted to it until told to run them.</summary>
    private sealed class RecordingContext : SynchronizationContext
    {
        public List<(SendOrPostCallback Callback, object? State)> Continuations { get; } = [];

        public override void Post(SendOrPostCallback d, object? state) => Continuations.Add((d, state));

        public ValueTask Run(Func<ValueTask> action)
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                return action();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }

        public void RunContinuations()
        {
            foreach (var (callback, state) in Continuations)
            {
                callback(state);
            }
        }
    }
}
