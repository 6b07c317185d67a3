using System.Collections.Concurrent;
using System.Diagnostics;
using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Application.Common.Telemetry;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Reconciliation;

/// <summary>What a sweep does with each answer of the Conversations API.</summary>
public class ReconciliationTests(DatabaseKind kind) : ReconciliationTestBase(kind)
{
    [Test]
    public async Task ShouldCompleteACallWhosePostCallEventNeverCame()
    {
        var conversationId = NewConversationId();
        var driverId = await PlaceCallAsync(conversationId, TimeSpan.Zero);
        await RelayToReconcilerAsync(conversationId, Turns);
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));

        var before = await SweepAsync();
        LetQuietPeriodPass();
        var sweep = await SweepAsync();

        Assert.That(before.Outcomes, Is.Empty, "not due while the call is not quiet");
        Assert.That(sweep.Count("completed"), Is.EqualTo(1));
        var call = await StoredCallAsync(conversationId);
        Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(call.CallEndTime, Is.EqualTo(StartedAt.AddSeconds(38)));
        Assert.That(call.DriverId, Is.EqualTo(driverId));
        Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(Turns)), "every turn once, nothing added");
        Assert.That(Api.Requests(conversationId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ShouldStoreAPlacedCallThatNoEventEverReached()
    {
        var conversationId = NewConversationId();
        var driverId = await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));

        var sweep = await SweepAsync();

        Assert.That(sweep.Count("completed"), Is.EqualTo(1));
        var call = await StoredCallAsync(conversationId);
        Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(call.DriverId, Is.EqualTo(driverId), "the driver is looked up as for any first turn");
        Assert.That(call.CallStartTime, Is.EqualTo(StartedAt));
        var stored = await StoredTurnsAsync(conversationId);
        Assert.That(stored.Select(t => t.MessageText), Is.EqualTo(Turns.Select(t => t.Message)));
        Assert.That(stored[^1].Timestamp, Is.EqualTo(StartedAt.AddSeconds(24)), "each turn at the call's start plus its time in call");
        Assert.That(Notifications.Select(n => (n.TranscriptionId, n.SequenceNumber, n.DriverId)),
            Is.EquivalentTo(stored.Select(t => (t.Id, t.SequenceNumber, (int?)driverId))), "one notification per stored turn, as for webhook turns");
    }

    [Test]
    public async Task ShouldNotCheckACallRecordBeforeItsQuietPeriod()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod - TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));

        var sweep = await SweepAsync();

        Assert.That(sweep.Due, Is.Zero);
        Assert.That(Api.Requests(conversationId), Is.Empty);
    }

    [Test]
    public async Task ShouldFailAFailedConversationKeepingItsTranscript()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        var said = Conversation.Take(2).ToArray();
        Api.Serve(conversationId, Answer.Ok(FakeConversationsApi.Conversation(conversationId, StartedAt, said, "failed", durationSecs: 6)));

        var sweep = await SweepAsync();

        Assert.That(sweep.Count("failed"), Is.EqualTo(1));
        var call = await StoredCallAsync(conversationId);
        Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
        Assert.That(call.CallEndTime, Is.EqualTo(StartedAt.AddSeconds(6)));
        Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(said)), "as the webhook keeps a failed transcript");
    }

    [Test]
    public async Task ShouldAppendTheTurnsAPartialPerTurnConversationLacks()
    {
        var conversationId = NewConversationId();
        await RelayToReconcilerAsync(conversationId, Turns[..3]);
        var relayed = await StoredTurnsAsync(conversationId);
        Notifications.Clear();
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));
        LetQuietPeriodPass();

        var sweep = await SweepAsync();

        Assert.That(sweep.Count("completed"), Is.EqualTo(1));
        Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(Turns)));
        var stored = await StoredTurnsAsync(conversationId);
        Assert.That(stored.Take(3).Select(t => t.Id), Is.EqualTo(relayed.Select(t => t.Id)), "relayed turns keep their ids");
        Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(Notifications.Select(n => n.SequenceNumber), Is.EquivalentTo(new[] { 4, 5, 6, 7 }));
    }

    [Test]
    public async Task ShouldCheckAProcessingConversationAgainLaterUntilItIsDone()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId,
            Answer.Ok(Done(conversationId, Conversation, "in-progress")),
            Answer.Ok(Done(conversationId, Conversation, "processing")),
            Answer.Ok(Done(conversationId)));

        var first = await SweepAsync();
        var atOnce = await SweepAsync();
        Clock.Advance(Interval);
        var second = await SweepAsync();
        Clock.Advance(Interval);
        var tooSoon = await SweepAsync();
        Clock.Advance(Interval);
        var third = await SweepAsync();

        Assert.That(first.Count("pending"), Is.EqualTo(1));
        Assert.That(atOnce.Waiting, Is.EqualTo(1), "not checked again at once");
        Assert.That(second.Count("pending"), Is.EqualTo(1));
        Assert.That(tooSoon.Waiting, Is.EqualTo(1), "the wait doubles");
        Assert.That(third.Count("completed"), Is.EqualTo(1));
        Assert.That(Api.Requests(conversationId), Has.Count.EqualTo(3));
        Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task ShouldKeepEachConversationsNextCheckAcrossARestart()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId, Conversation, "processing")), Answer.Ok(Done(conversationId)));
        await SweepAsync();
        await using var restarted = CreateInstance();

        var atOnce = await SweepAsync(restarted);
        Clock.Advance(Interval);
        var later = await SweepAsync(restarted);

        Assert.That(atOnce.Waiting, Is.EqualTo(1), "the wait is kept in the database, not in the process that set it");
        Assert.That(later.Count("completed"), Is.EqualTo(1));
        Assert.That(Api.Requests(conversationId), Has.Count.EqualTo(2));
        Assert.That(await QueryAsync(db => db.ConversationChecks.AnyAsync(c => c.ConversationId == conversationId)), Is.False,
            "an ended conversation's check is removed");
    }

    [Test]
    public async Task ShouldCheckAnUnknownConversationUntilGiveUpAfterThenWarnOnce()
    {
        using var metrics = new RecordedMetrics(Reconciler.Services);
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));

        var first = await SweepAsync();
        var atOnce = await SweepAsync();
        Clock.Advance(Interval);
        var second = await SweepAsync();
        Clock.Advance(GiveUpAfter);
        var givenUp = await SweepAsync();
        await using var restarted = CreateInstance();
        var afterRestart = await SweepAsync(restarted);

        Assert.That(first.Count("not_found"), Is.EqualTo(1));
        Assert.That(atOnce.Waiting, Is.EqualTo(1), "a 404 is checked again later, not at once");
        Assert.That(second.Count("not_found"), Is.EqualTo(1));
        Assert.That(givenUp.GivenUp, Is.EqualTo(1));
        Assert.That(givenUp.Due + afterRestart.Due + afterRestart.GivenUp, Is.Zero, "given up once, and no longer read as due");
        Assert.That(Api.Requests(conversationId), Has.Count.EqualTo(2), "not checked after GiveUpAfter");
        Assert.That(metrics.Sum(ReconciliationMetrics.GivenUpName), Is.EqualTo(1));
        Assert.That(Reconciler.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("GiveUpAfter") && e.Message.Contains(conversationId)),
            Is.EqualTo(1));
        Assert.That(restarted.Logs.Entries.Any(e => e.Message.Contains("GiveUpAfter")), Is.False, "a restart does not warn again");
        Assert.That(await QueryAsync(db => db.Calls.AnyAsync(c => c.ConversationId == conversationId)), Is.False);
    }

    [Test]
    public async Task ShouldTellManyGivenUpConversationsInOneLineAfterTheFirstFew()
    {
        using var metrics = new RecordedMetrics(Reconciler.Services);
        var conversations = Enumerable.Range(0, ReconciliationSweep.GivenUpWarnings + 3).Select(_ => NewConversationId()).ToList();
        foreach (var conversationId in conversations)
        {
            await PlaceCallAsync(conversationId, GiveUpAfter + TimeSpan.FromMinutes(1));
        }

        var sweep = await SweepAsync();

        Assert.That(sweep.GivenUp, Is.EqualTo(conversations.Count));
        Assert.That(metrics.Sum(ReconciliationMetrics.GivenUpName), Is.EqualTo(conversations.Count), "every one counted");
        var warnings = Reconciler.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("GiveUpAfter")).ToList();
        Assert.That(warnings.Count(w => w.Fields.ContainsKey("ConversationId")), Is.EqualTo(ReconciliationSweep.GivenUpWarnings));
        Assert.That(warnings.Single(w => !w.Fields.ContainsKey("ConversationId")).Message, Does.StartWith("3 more conversations"));
        Assert.That(Api.AllRequests(), Is.Empty, "given up without a check");
    }

    [Test]
    public async Task ShouldCountAndLogAPayloadItCannotUseAndGoOn()
    {
        var broken = NewConversationId();
        var missing = NewConversationId();
        var noStatus = NewConversationId();
        var newStatus = NewConversationId();
        var fine = NewConversationId();
        foreach (var conversationId in new[] { broken, missing, noStatus, newStatus, fine })
        {
            await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        }

        Api.Serve(broken, Answer.Ok(Done(broken).Replace("\"time_in_call_secs\":5", "\"time_in_call_secs\":\"five\"")));
        Api.Serve(missing, Answer.Ok(Done(missing).Replace("\"call_duration_secs\":38,", "")));
        Api.Serve(noStatus, Answer.Ok(Done(noStatus).Replace("\"status\":\"done\"", "\"status\":null")));
        Api.Serve(newStatus, Answer.Ok(Done(newStatus, Conversation, "queued")));
        Api.Serve(fine, Answer.Ok(Done(fine)));

        var sweep = await SweepAsync();

        Assert.That(sweep.Count("error"), Is.EqualTo(4));
        Assert.That(sweep.Count("completed"), Is.EqualTo(1));
        Assert.That(sweep.Stopped, Is.False);
        Assert.That((await StoredCallAsync(fine)).Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync(c => c.ConversationId != fine)), Is.Zero);
        var warnings = Reconciler.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be stored")).ToList();
        Assert.That(warnings.Select(w => w.Fields["ConversationId"]), Is.EquivalentTo(new[] { broken, missing, noStatus, newStatus }));
        Assert.That(warnings.Single(w => Equals(w.Fields["ConversationId"], missing)).Message, Does.Contain("call_duration_secs"));
        Assert.That(warnings.Single(w => Equals(w.Fields["ConversationId"], noStatus)).Message, Does.Contain("status is missing"));
        Assert.That(warnings.Single(w => Equals(w.Fields["ConversationId"], newStatus)).Message, Does.Contain("status is not one the service knows"));
        Assert.That(string.Join("\n", Reconciler.Logs.Entries.Select(e => e.Message)), Does.Not.Contain("Yeah, go ahead"), "no message text is logged");
    }

    [Test]
    public async Task ShouldCountChecksByOutcomeAndGaugeWhatIsDue()
    {
        using var metrics = new RecordedMetrics(Reconciler.Services);
        var done = NewConversationId();
        var processing = NewConversationId();
        var unknown = NewConversationId();
        await PlaceCallAsync(done, QuietPeriod + TimeSpan.FromMinutes(3));
        await PlaceCallAsync(processing, QuietPeriod + TimeSpan.FromMinutes(2));
        await PlaceCallAsync(unknown, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(done, Answer.Ok(Done(done)));
        Api.Serve(processing, Answer.Ok(Done(processing, Conversation, "processing")));

        await SweepAsync();
        Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.That(metrics.Sum(ReconciliationMetrics.ChecksName, "outcome", "completed"), Is.EqualTo(1));
        Assert.That(metrics.Sum(ReconciliationMetrics.ChecksName, "outcome", "pending"), Is.EqualTo(1));
        Assert.That(metrics.Sum(ReconciliationMetrics.ChecksName, "outcome", "not_found"), Is.EqualTo(1));
        Assert.That(metrics.Observe(ReconciliationMetrics.DueName), Is.EqualTo(3), "due when the sweep began");
        Assert.That(metrics.Observe(ReconciliationMetrics.OldestDueAgeName), Is.EqualTo(TimeSpan.FromMinutes(3).TotalSeconds + 30).Within(1),
            "the longest-due became due three minutes before the sweep");
    }

    [Test]
    public async Task ShouldTraceEachCheckWithItsApiCallInside()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CallTranscriptionTelemetry.Name or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await SweepAsync();

        var check = spans.Single(s => s.OperationName == "ReconcileConversation" && Equals(s.GetTagItem(CallTranscriptionTelemetry.ConversationIdAttribute), conversationId));
        Assert.That(check.GetTagItem(ReconciliationMetrics.OutcomeAttribute), Is.EqualTo("completed"));
        Assert.That(check.Parent, Is.Null, "each check is a trace of its own");
        var inside = spans.Where(s => s.ParentSpanId == check.SpanId).Select(s => s.Source.Name).ToList();
        Assert.That(inside, Does.Contain("System.Net.Http"), "the API call");
        Assert.That(inside, Does.Contain(CallTranscriptionTelemetry.Name), "the command that stored the call");
        Assert.That(string.Join(" ", spans.SelectMany(s => s.Tags).Select(t => t.Value)), Does.Not.Contain(FakeConversationsApi.ApiKey));
    }

    [Test]
    public async Task ShouldSweepOnItsTimer()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));
        await using var instance = CreateInstance(timer: true);
        _ = instance.Services;

        var completed = false;
        for (var tick = 0; tick < 500 && !completed; tick++)
        {
            Clock.Advance(Interval);
            await Task.Delay(20);
            completed = await QueryAsync(db => db.Calls.AnyAsync(c => c.ConversationId == conversationId && c.Status == CallStatus.Completed));
        }

        Assert.That(completed, Is.True);
        Assert.That(instance.Logs.Entries.Any(e => e.Message.StartsWith("Reconciliation is on", StringComparison.Ordinal)), Is.True);
    }
}
