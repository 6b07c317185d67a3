using System.Collections.Concurrent;
using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

public class ExactlyOnceTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldReplayARedeliveryWithTheOriginalIds()
    {
        var turn = Turn("conv_redelivered", "user", "Who is this?");

        var first = await PostTurnAsync(turn);
        var second = await PostTurnAsync(turn);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Headers.Contains(TranscriptionWebhook.ReplayedHeader), Is.False);
        Assert.That(second.Headers.GetValues(TranscriptionWebhook.ReplayedHeader), Is.EqualTo(new[] { "true" }));
        var (original, replay) = (await ReadJsonAsync(first), await ReadJsonAsync(second));
        Assert.That(replay.GetProperty("transcription_id").GetInt32(), Is.EqualTo(original.GetProperty("transcription_id").GetInt32()));
        Assert.That(replay.GetProperty("sequence_number").GetInt32(), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task ShouldReplayAnOlderTurnAfterLaterOnesWereStored()
    {
        var first = Turn("conv_late_retry", "agent", "Hello", IsoNow(-20));
        await PostTurnAsync(first);
        await PostTurnAsync(Turn("conv_late_retry", "user", "Hi", IsoNow(-10)));

        var replay = await PostTurnAsync(first);

        Assert.That((await ReadJsonAsync(replay)).GetProperty("sequence_number").GetInt32(), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(2));
    }

    [Test]
    public async Task ShouldStoreTurnsThatDifferInAnyFieldSeparately()
    {
        var timestamp = IsoNow(-5);
        await PostTurnAsync(Turn("conv_similar", "agent", "Okay", timestamp));
        await PostTurnAsync(Turn("conv_similar", "user", "Okay", timestamp));
        await PostTurnAsync(Turn("conv_similar", "agent", "Okay.", timestamp));
        await PostTurnAsync(Turn("conv_similar", "agent", "Okay", IsoNow(-4)));

        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task ShouldStoreSimultaneousDuplicatesOnce()
    {
        var turn = Turn("conv_storm", "user", "Ten-four.");

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => PostTurnAsync(turn)));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
        var ids = await Task.WhenAll(responses.Select(async r => (await ReadJsonAsync(r)).GetProperty("transcription_id").GetInt32()));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1), "every duplicate answers with the one stored id");
        Assert.That(responses.Count(r => r.Headers.Contains(TranscriptionWebhook.ReplayedHeader)), Is.EqualTo(23));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task ShouldNumberConcurrentTurnsOfOneConversationWithoutGaps()
    {
        const int turns = 40;
        var acknowledged = new ConcurrentBag<AcknowledgedTurn>();

        await Task.WhenAll(Enumerable.Range(1, turns).Select(async i =>
        {
            var message = $"overlapping turn {i}";
            var response = await PostTurnAsync(Turn("conv_overlap", i % 2 == 0 ? "user" : "agent", message, IsoNow(-i)));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), message);
            var body = await ReadJsonAsync(response);
            acknowledged.Add(new AcknowledgedTurn("conv_overlap", message,
                body.GetProperty("transcription_id").GetInt32(), body.GetProperty("sequence_number").GetInt32()));
        }));

        Assert.That(acknowledged.Select(a => a.SequenceNumber).Order(), Is.EqualTo(Enumerable.Range(1, turns)));
        await QueryAsync(async db =>
        {
            await StoredTurnsAssertions.AssertExactlyOnceAndGaplessAsync(db, acknowledged);
            return 0;
        });
    }

    [Test]
    public async Task ShouldCreateOneCallWhenFirstTurnsArriveTogether()
    {
        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            PostTurnAsync(Turn("conv_race", "agent", $"opening {i}", IsoNow(-i)))));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.Select(t => t.SequenceNumber).OrderBy(n => n).ToListAsync()),
            Is.EqualTo(Enumerable.Range(1, 12)));
    }
}
