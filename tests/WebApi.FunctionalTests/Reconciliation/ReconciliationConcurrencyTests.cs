using System.Net;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Reconciliation;

/// <summary>The webhook and the reconciler meeting on one conversation: exactly one stores each turn and ends the call.</summary>
public class ReconciliationConcurrencyTests(DatabaseKind kind) : ReconciliationTestBase(kind)
{
    [Test]
    public async Task ShouldStoreEachTurnOnceWhenTheWebhookAndTheReconcilerRace()
    {
        var conversations = Enumerable.Range(0, 5).Select(_ => NewConversationId()).ToList();
        foreach (var conversationId in conversations)
        {
            await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
            Api.Serve(conversationId, Answer.Ok(Done(conversationId), delay: TimeSpan.FromMilliseconds(100)));
        }

        // Each conversation's post-call event arrives as the reconciler gets it from the API: it races the reconciler's command.
        var sweep = SweepAsync();
        var responses = new List<HttpResponseMessage>();
        foreach (var conversationId in conversations)
        {
            while (Api.Requests(conversationId).Count == 0 && !sweep.IsCompleted)
            {
                await Task.Delay(5);
            }

            responses.Add(await PostCallAsync(TranscriptOf(conversationId)));
        }

        var result = await sweep;

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var webhookStored = 0;
        foreach (var response in responses)
        {
            webhookStored += (await ReadJsonAsync(response)).GetProperty("turns_stored").GetInt32();
        }

        var reconcilerStored = Notifications.Count;
        Assert.That(webhookStored + reconcilerStored, Is.EqualTo(conversations.Count * Turns.Length), "each turn stored by exactly one of them");
        Assert.That(result.Count("completed"), Is.EqualTo(conversations.Count), "each one stored, or found stored, by the reconciler");
        foreach (var conversationId in conversations)
        {
            Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(Turns)), conversationId);
            Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
        }
    }

    [Test]
    public async Task ShouldStoreEachTurnOnceWhenALateRelayAndTheReconcilerRace()
    {
        var conversations = Enumerable.Range(0, 4).Select(_ => NewConversationId()).ToList();
        foreach (var conversationId in conversations)
        {
            await RelayToReconcilerAsync(conversationId, Turns[..2]);
            Api.Serve(conversationId, Answer.Ok(Done(conversationId), delay: TimeSpan.FromMilliseconds(100)));
        }

        LetQuietPeriodPass();
        Notifications.Clear();
        using var relay = Reconciler.CreateClient();

        // Each conversation's late turns are sent once the reconciler is fetching it: they race its command.
        var sweep = SweepAsync();
        var relayed = new List<(string Id, List<HttpResponseMessage> Answers)>();
        foreach (var conversationId in conversations)
        {
            while (Api.Requests(conversationId).Count == 0 && !sweep.IsCompleted)
            {
                await Task.Delay(5);
            }

            var answers = new List<HttpResponseMessage>();
            foreach (var said in Turns[2..])
            {
                answers.Add(await PostTurnAsync(PostCallEvents.RelayedTurn(conversationId, StartedAt, said), relay));
            }

            relayed.Add((conversationId, answers));
        }

        var result = await sweep;

        Assert.That(result.Count("completed"), Is.EqualTo(conversations.Count));
        Assert.That(Notifications, Has.Count.EqualTo(conversations.Count * (Turns.Length - 2)), "each late turn stored once, by the relay or the reconciler");
        foreach (var (conversationId, answers) in relayed)
        {
            Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Created), "stored, or a replay of what the reconciler stored");
            Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(Turns)), conversationId);
            Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
            var stored = await StoredTurnsAsync(conversationId);
            foreach (var answer in answers)
            {
                var body = await ReadJsonAsync(answer);
                Assert.That(body.GetProperty("transcription_id").GetInt32(), Is.EqualTo(stored[body.GetProperty("sequence_number").GetInt32() - 1].Id),
                    "the ids of the turn as stored");
            }
        }
    }

    [Test]
    public async Task ShouldAnswerALateWebhookAsAReplayOfWhatTheReconcilerStored()
    {
        var conversationId = NewConversationId();
        await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
        Api.Serve(conversationId, Answer.Ok(Done(conversationId)));
        await SweepAsync();
        var ended = await StoredCallAsync(conversationId);

        var late = await PostCallAsync(TranscriptOf(conversationId));

        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(late);
        Assert.That(body.GetProperty("turns_stored").GetInt32(), Is.Zero);
        Assert.That(body.GetProperty("turns_already_stored").GetInt32(), Is.EqualTo(Turns.Length));
        Assert.That((await StoredCallAsync(conversationId)).UpdatedAt, Is.EqualTo(ended.UpdatedAt), "never a second end");
    }
}

/// <summary>Two instances on one server database: each due conversation is fetched by one of them.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.ServerKinds))]
public class ReconciliationInstancesTests(DatabaseKind kind) : ReconciliationTestBase(kind)
{
    [Test]
    public async Task ShouldFetchEachConversationOnceAcrossTwoInstances()
    {
        var conversations = Enumerable.Range(0, 12).Select(_ => NewConversationId()).ToList();
        foreach (var conversationId in conversations)
        {
            await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
            Api.Serve(conversationId, Answer.Ok(Done(conversationId), delay: TimeSpan.FromMilliseconds(150)));
        }

        await using var other = CreateInstance();
        _ = other.Services;

        var results = await Task.WhenAll(SweepAsync(), SweepAsync(other));

        Assert.That(conversations.Select(id => Api.Requests(id).Count), Is.All.EqualTo(1), "each conversation fetched once");
        Assert.That(results.Sum(r => r.Count("completed")), Is.EqualTo(conversations.Count));
        Assert.That(results.All(r => r.Count("completed") > 0), Is.True, "both instances took a share");
        Assert.That(await QueryAsync(db => db.Calls.CountAsync(c => c.Status == CallStatus.Completed)), Is.EqualTo(conversations.Count));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(conversations.Count * Turns.Length));
    }

    [Test]
    public async Task ShouldFetchAPendingConversationOncePerCheckAcrossTwoInstances()
    {
        var conversations = Enumerable.Range(0, 8).Select(_ => NewConversationId()).ToList();
        foreach (var conversationId in conversations)
        {
            await PlaceCallAsync(conversationId, QuietPeriod + TimeSpan.FromMinutes(1));
            Api.Serve(conversationId, Answer.Ok(Done(conversationId, Conversation, "processing"), delay: TimeSpan.FromMilliseconds(50)));
        }

        await using var other = CreateInstance();
        _ = other.Services;
        int[] Fetched() => [.. conversations.Select(id => Api.Requests(id).Count)];

        await Task.WhenAll(SweepAsync(), SweepAsync(other));
        var first = Fetched();
        await Task.WhenAll(SweepAsync(), SweepAsync(other));
        var atOnce = Fetched();
        Clock.Advance(Interval);
        await Task.WhenAll(SweepAsync(), SweepAsync(other));
        var afterOneWait = Fetched();
        Clock.Advance(Interval);
        await Task.WhenAll(SweepAsync(), SweepAsync(other));
        var tooSoon = Fetched();

        Assert.That(first, Is.All.EqualTo(1), "each conversation fetched by one instance");
        Assert.That(atOnce, Is.All.EqualTo(1), "neither instance checks it again before its next check");
        Assert.That(afterOneWait, Is.All.EqualTo(2), "its next check is made once, by one instance");
        Assert.That(tooSoon, Is.All.EqualTo(2), "the wait doubled for both instances");
        Assert.That(await QueryAsync(db => db.Calls.CountAsync(c => conversations.Contains(c.ConversationId))), Is.Zero, "nothing stored while processing");
    }
}
