using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Reconciliation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallTranscription.WebApi.FunctionalTests.Reconciliation;

/// <summary>The API refusing, limiting or failing: retried by the HTTP client, then left to the next sweep.</summary>
public class ReconciliationFaultTests(DatabaseKind kind) : ReconciliationTestBase(kind)
{
    [Test]
    public async Task ShouldWaitAsRetryAfterSaysThenStore()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, new Answer(429, RetryAfter: "5"), Answer.Ok(Done(conversationId)));
        var startedAt = Clock.GetUtcNow();

        var sweep = await SweepWhileTimePassesAsync(conversationId, requests: 2);

        Assert.That(sweep.Count("completed"), Is.EqualTo(1));
        Assert.That(Api.Requests(conversationId), Has.Count.EqualTo(2));
        Assert.That(Clock.GetUtcNow() - startedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)), "the retry waited for Retry-After, not the default backoff of about 2 s");
        Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task ShouldStoreNothingWhileTheApiFailsThenStoreAllAtTheNextSweep()
    {
        var conversationId = NewConversationId();
        await RelayToReconcilerAsync(conversationId, Turns[..2]);
        LetQuietPeriodPass();
        // The resilience handler tries four times in a sweep: the first sweep sees only 500s.
        Api.Serve(conversationId, new Answer(500), new Answer(500), new Answer(502), new Answer(503), Answer.Ok(Done(conversationId)));

        var failing = await SweepWhileTimePassesAsync(conversationId, requests: 4);
        var callBetween = await StoredCallAsync(conversationId);
        var turnsBetween = await StoredConversationAsync(conversationId);
        Clock.Advance(Interval);
        var next = await SweepAsync();

        Assert.That(failing.Count("error"), Is.EqualTo(1));
        Assert.That(Api.Requests(conversationId), Has.Count.EqualTo(5));
        Assert.That(callBetween.Status, Is.EqualTo(CallStatus.InProgress), "nothing partial in between");
        Assert.That(turnsBetween, Is.EqualTo(Numbered(Turns[..2])));
        Assert.That(next.Count("completed"), Is.EqualTo(1), "a sweep after its wait checks it again");
        Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(Turns)));
    }

    [Test]
    public async Task ShouldCheckTheNextConversationAndWaitForTheOneTheApiFails()
    {
        var failing = NewConversationId();
        var next = NewConversationId();
        await PlaceCallAsync(failing, QuietPeriod + TimeSpan.FromMinutes(2));
        await PlaceCallAsync(next, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(failing, new Answer(500));
        Api.Serve(next, Answer.Ok(Done(next)));

        // Each step is asserted before the next: a sweep that fetched it again would wait for its retries on this clock.
        var first = await SweepWhileTimePassesAsync(failing, requests: 4);
        Assert.That(first.Count("error"), Is.EqualTo(1));
        Assert.That(first.Count("completed"), Is.EqualTo(1), "the failing conversation blocks no other");
        Assert.That(first.Stopped, Is.False);
        Assert.That((await StoredCallAsync(next)).Status, Is.EqualTo(CallStatus.Completed));

        var whileWaiting = await SweepAsync();
        Assert.That(whileWaiting.Waiting, Is.EqualTo(1));
        Assert.That(Api.Requests(failing), Has.Count.EqualTo(4), "not fetched again before its wait has passed");

        Clock.Advance(Interval);
        var afterTheWait = await SweepWhileTimePassesAsync(failing, requests: 8);
        Assert.That(afterTheWait.Count("error"), Is.EqualTo(1));
        Assert.That(Api.Requests(failing), Has.Count.EqualTo(8), "fetched again once the wait has passed");
    }

    [Test]
    public async Task ShouldStopTheSweepWhenTheApiFailsForSeveralConversationsInARow()
    {
        var conversations = Enumerable.Range(0, ReconciliationSweep.StopAfterUnavailable + 1).Select(_ => NewConversationId()).ToList();
        for (var i = 0; i < conversations.Count; i++)
        {
            await PlaceCallAsync(conversations[i], QuietPeriod + TimeSpan.FromMinutes(conversations.Count - i));
            Api.Serve(conversations[i], new Answer(503));
        }

        // Every attempt fails, whether answered or timed out on the moving clock.
        var running = SweepAsync();
        while (!running.IsCompleted)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(running, Task.Delay(10));
        }

        var sweep = await running;

        Assert.That(sweep.Stopped, Is.True);
        Assert.That(sweep.Count("error"), Is.EqualTo(ReconciliationSweep.StopAfterUnavailable));
        Assert.That(conversations[..^1].Select(c => Api.Requests(c).Count), Is.All.GreaterThan(0));
        Assert.That(Api.Requests(conversations[^1]), Is.Empty, "a total outage is not hammered");
    }

    [Test]
    public async Task ShouldSendAKeyReadWithATrailingNewline()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));
        await using var instance = CreateInstance(apiKey: $"  {FakeConversationsApi.ApiKey}\n");

        var sweep = await SweepAsync(instance);

        Assert.That(sweep.Count("completed"), Is.EqualTo(1));
        Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task ShouldSayOnceThatTheKeyIsRefusedAndReportDegraded()
    {
        var first = NewConversationId();
        var second = NewConversationId();
        await PlaceCallAsync(first, QuietPeriod + TimeSpan.FromMinutes(2));
        await PlaceCallAsync(second, QuietPeriod + TimeSpan.FromMinutes(1));
        const string wrongKey = "xi_wrong_key_31f9a6e2c8";
        await using var instance = CreateInstance(apiKey: wrongKey);

        var sweeps = new[] { await SweepAsync(instance), await SweepAsync(instance) };
        var health = await instance.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        using var client = instance.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        var openApi = await client.GetStringAsync("/openapi/v1.json");

        Assert.That(sweeps.Select(s => s.Stopped), Is.All.True);
        Assert.That(Api.AllRequests(), Has.Count.EqualTo(2), "one call a sweep while the key is refused: no hammering");
        Assert.That(Api.AllRequests().Select(r => r.RequestMessage.Path).Distinct().Count(), Is.EqualTo(2),
            "the refused conversation waits its turn: a refusal for one conversation keeps no other from its check");
        var errors = instance.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), "one error per spell");
        Assert.That(errors[0].Message, Does.Contain("ElevenLabs:ApiKey").And.Contain("401"));
        Assert.That(health.Entries[ElevenLabsApiHealthCheck.Name].Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(ready.IsSuccessStatusCode, Is.True, "webhooks are still accepted");
        var everything = string.Join("\n", instance.Logs.Entries.Select(e => $"{e.Message} {e.Exception} {string.Join(' ', e.Fields.Values)}"));
        Assert.That(everything, Does.Not.Contain(wrongKey), "the key is never logged");
        Assert.That(openApi, Does.Not.Contain(wrongKey));
        Assert.That(await QueryAsync(db => Task.FromResult(db.Calls.Count())), Is.Zero);
    }

    [Test]
    public async Task ShouldNeverLogTheKeyItSends()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));

        await SweepAsync();

        Assert.That(Api.Requests(conversationId).Single().RequestMessage.Headers!["xi-api-key"].ToString(), Is.EqualTo(FakeConversationsApi.ApiKey));
        var everything = string.Join("\n", Reconciler.Logs.Entries.Select(e => $"{e.Message} {e.Exception} {string.Join(' ', e.Fields.Values)}"));
        Assert.That(everything, Does.Contain(conversationId).And.Not.Contain(FakeConversationsApi.ApiKey));
    }
}
