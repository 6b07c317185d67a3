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
            Api.Serve(conversationId, Answer.Ok(Done(conversationId)));
        }

        var sweep = SweepAsync();
        var webhooks = conversations.Select(id => PostCallAsync(TranscriptOf(id))).ToList();
        var responses = await Task.WhenAll(webhooks);
        var result = await sweep;

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var webhookStored = 0;
        foreach (var response in responses)
        {
            webhookStored += (await ReadJsonAsync(response)).GetProperty("turns_stored").GetInt32();
        }

        var reconcilerStored = Notifications.Count;
        Assert.That(webhookStored + reconcilerStored, Is.EqualTo(conversations.Count * Turns.Length), "each turn stored by exactly one of them");
        Assert.That(result.Count("completed") + result.Count("skipped"), Is.EqualTo(conversations.Count));
        foreach (var conversationId in conversations)
        {
            Assert.That(await StoredConversationAsync(conversationId), Is.EqualTo(Numbered(Turns)), conversationId);
            Assert.That((await StoredCallAsync(conversationId)).Status, Is.EqualTo(CallStatus.Completed));
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

        var results = await Task.WhenAll(SweepAsync(), SweepAsync(other));

        Assert.That(conversations.Select(id => Api.Requests(id).Count), Is.All.EqualTo(1), "each conversation fetched once");
        Assert.That(results.Sum(r => r.Count("completed")), Is.EqualTo(conversations.Count));
        Assert.That(results.All(r => r.Count("completed") > 0), Is.True, "both instances took a share");
        Assert.That(await QueryAsync(db => db.Calls.CountAsync(c => c.Status == CallStatus.Completed)), Is.EqualTo(conversations.Count));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(conversations.Count * Turns.Length));
    }
}
