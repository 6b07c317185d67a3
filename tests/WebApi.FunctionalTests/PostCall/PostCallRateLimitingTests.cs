using System.Net;
using CallTranscription.Application.Calls.FailCall;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using MediatR;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

/// <summary>
/// The post-call webhook's own limiter: 4 events in progress in the whole process and 64 queued, the next answered 429.
/// The events in progress are held inside the service until the test lets them go, so nothing depends on a clock.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class PostCallRateLimitingTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private const int InProgress = 4;
    private const int Queued = 64;

    [Test]
    [CancelAfter(120_000)]
    public async Task ShouldAnswer429WhenFourEventsAreInProgressAndSixtyFourQueued(CancellationToken cancellationToken)
    {
        var held = new HeldCommands();
        await using var factory = new CallTranscriptionApiFactory(
            Database,
            new Dictionary<string, string?> { ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret },
            services => services.AddSingleton(held).AddTransient<IPipelineBehavior<FailCallCommand, FailCallResult>, HoldUntilReleased>());
        using var client = factory.CreateClient();

        var deliveries = Enumerable.Range(0, InProgress + Queued + 1)
            .Select(i => PostCallAsync(PostCallEvents.InitiationFailure($"conv_busy_{i}", StartedAt), client: client))
            .ToList();

        // Until the held events are let go none can be answered, so the first answer is the one the limiter turned away.
        var first = await await Task.WhenAny(deliveries).WaitAsync(cancellationToken);
        var turnMeanwhile = await PostTurnAsync(Turn("conv_per_turn_budget", timestamp: IsoNow(-1)), client);
        held.Release();
        var answers = await Task.WhenAll(deliveries).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(first.Headers.RetryAfter, Is.Null, "a queue cannot tell when a place frees up");
            Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(InProgress + Queued), "the queued events were served in turn");
            Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(1));
            Assert.That(held.Entered, Is.EqualTo(InProgress + Queued));
            Assert.That(turnMeanwhile.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the per-turn webhook has a budget of its own");
        });
        var rejected = await ReadJsonAsync(first);
        Assert.That(rejected.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(rejected.GetProperty("details").GetString(), Does.Not.Contain("Retry-After"), "it promises no header it does not send");
    }

    private sealed class HeldCommands
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public Task WaitAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _entered);
            return _released.Task.WaitAsync(cancellationToken);
        }

        public void Release() => _released.SetResult();
    }

    private sealed class HoldUntilReleased(HeldCommands held) : IPipelineBehavior<FailCallCommand, FailCallResult>
    {
        public async Task<FailCallResult> Handle(FailCallCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<FailCallResult> next)
        {
            await held.WaitAsync(cancellationToken);
            return await next();
        }
    }
}
