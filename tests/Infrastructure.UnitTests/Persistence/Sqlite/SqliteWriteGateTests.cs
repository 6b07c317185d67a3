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

        first.Dispose();
        (await second.WaitAsync(_patience)).Dispose();
    }

    [Test]
    public async Task ShouldLetWaitersInInTheOrderTheyCame()
    {
        var entered = new List<int>();
        var holder = await _gate.EnterAsync(CancellationToken.None);
        var waiters = Enumerable.Range(1, 5).Select(async number =>
        {
            using (await _gate.EnterAsync(CancellationToken.None))
            {
                entered.Add(number);
            }
        }).ToList();

        holder.Dispose();
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
        holder.Dispose();

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        (await next.WaitAsync(_patience)).Dispose();
    }

    [Test]
    public async Task ShouldLeaveTheGateOnceWhenDisposedTwice()
    {
        var first = await _gate.EnterAsync(CancellationToken.None);
        var second = _gate.EnterAsync(CancellationToken.None).AsTask();
        var third = _gate.EnterAsync(CancellationToken.None).AsTask();

        first.Dispose();
        first.Dispose();
        var inside = await second.WaitAsync(_patience);
        await Task.Delay(50);

        Assert.That(third.IsCompleted, Is.False, "a second Dispose must not let a second writer in");
        inside.Dispose();
        (await third.WaitAsync(_patience)).Dispose();
    }
}
