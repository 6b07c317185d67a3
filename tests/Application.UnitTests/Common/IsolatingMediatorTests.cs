using CallTranscription.Application.Common.Notifications;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.UnitTests.Common;

public class IsolatingMediatorTests
{
    private List<string> _ran = null!;
    private RecordingLogger<IsolatingMediator> _logger = null!;

    [SetUp]
    public void SetUp()
    {
        _ran = [];
        _logger = new RecordingLogger<IsolatingMediator>();
    }

    [Test]
    public async Task ShouldRunTheOtherHandlersWhenOneTimesOut()
    {
        var mediator = MediatorWith(new TimingOut(_ran), new Recording(_ran));

        await mediator.Publish(new Ping(), CancellationToken.None);

        Assert.That(_ran, Is.EqualTo(new[] { nameof(TimingOut), nameof(Recording) }));
        var failure = _logger.Entries.Single();
        Assert.That(failure.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(failure.Exception, Is.InstanceOf<TaskCanceledException>());
        Assert.That(failure.Message, Does.Contain(nameof(TimingOut)));
    }

    [Test]
    public async Task ShouldRunTheOtherHandlersWhenOneThrows()
    {
        var mediator = MediatorWith(new Throwing(_ran), new Recording(_ran));

        await mediator.Publish(new Ping(), CancellationToken.None);

        Assert.That(_ran, Is.EqualTo(new[] { nameof(Throwing), nameof(Recording) }));
        Assert.That(_logger.Entries.Single().Exception, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void ShouldStopWhenThePublisherIsCancelled()
    {
        using var request = new CancellationTokenSource();
        var mediator = MediatorWith(new CancelsTheRequest(_ran, request), new Recording(_ran));

        Assert.ThrowsAsync<OperationCanceledException>(() => mediator.Publish(new Ping(), request.Token));
        Assert.That(_ran, Is.EqualTo(new[] { nameof(CancelsTheRequest) }));
        Assert.That(_logger.Entries, Is.Empty);
    }

    private IMediator MediatorWith(params INotificationHandler<Ping>[] handlers) =>
        new IsolatingMediator(type => type == typeof(IEnumerable<INotificationHandler<Ping>>) ? handlers : Array.Empty<object>(), _logger);

    public sealed record Ping : INotification;

    private sealed class TimingOut(List<string> ran) : INotificationHandler<Ping>
    {
        // What an HttpClient timeout looks like to the caller: a TaskCanceledException from a token nobody passed in.
        public async Task Handle(Ping notification, CancellationToken cancellationToken)
        {
            ran.Add(nameof(TimingOut));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(10));
            await Task.Delay(Timeout.Infinite, timeout.Token);
        }
    }

    private sealed class Throwing(List<string> ran) : INotificationHandler<Ping>
    {
        public Task Handle(Ping notification, CancellationToken cancellationToken)
        {
            ran.Add(nameof(Throwing));
            throw new InvalidOperationException("broken");
        }
    }

    private sealed class CancelsTheRequest(List<string> ran, CancellationTokenSource request) : INotificationHandler<Ping>
    {
        public Task Handle(Ping notification, CancellationToken cancellationToken)
        {
            ran.Add(nameof(CancelsTheRequest));
            request.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }

    private sealed class Recording(List<string> ran) : INotificationHandler<Ping>
    {
        public Task Handle(Ping notification, CancellationToken cancellationToken)
        {
            ran.Add(nameof(Recording));
            return Task.CompletedTask;
        }
    }
}
