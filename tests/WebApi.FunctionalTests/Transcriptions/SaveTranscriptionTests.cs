using System.Net;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

public class SaveTranscriptionTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldAnswer201WithTheNewIds()
    {
        var response = await PostTurnAsync(Turn("conv_created"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await ReadJsonAsync(response);
        var stored = await QueryAsync(db => db.CallTranscriptions.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("success"));
            Assert.That(body.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("transcription_id").GetInt32(), Is.EqualTo(stored.Id));
            Assert.That(body.GetProperty("sequence_number").GetInt32(), Is.EqualTo(1));
            Assert.That(response.Headers.Contains("Idempotent-Replayed"), Is.False);
        });
    }

    [Test]
    public async Task ShouldCreateCallOnFirstTurn()
    {
        var driverId = await SeedDriverForConversationAsync("conv_first");
        var firstTurnAt = DateTimeOffset.UtcNow.AddSeconds(-30);

        await PostTurnAsync(Turn("conv_first", timestamp: firstTurnAt.ToString("O")));

        var call = await QueryAsync(db => db.Calls.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(call.ConversationId, Is.EqualTo("conv_first"));
            Assert.That(call.DriverId, Is.EqualTo(driverId));
            Assert.That(call.CallStartTime, Is.EqualTo(firstTurnAt).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(call.Status, Is.EqualTo(CallStatus.InProgress));
            Assert.That(call.CallEndTime, Is.Null);
            Assert.That(call.CreatedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task ShouldNotCreateAnotherCallOnLaterTurns()
    {
        var firstTurnAt = DateTimeOffset.UtcNow.AddSeconds(-60);
        await PostTurnAsync(Turn("conv_later", timestamp: firstTurnAt.ToString("O")));
        await PostTurnAsync(Turn("conv_later", "user", "Yes?", IsoNow(-30)));
        await PostTurnAsync(Turn("conv_later", "agent", "About your log book.", IsoNow(-10)));

        var calls = await QueryAsync(db => db.Calls.ToListAsync());
        Assert.That(calls, Has.Count.EqualTo(1));
        Assert.That(calls[0].CallStartTime, Is.EqualTo(firstTurnAt).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task ShouldStoreCallWithoutDriverForUnknownConversation()
    {
        var response = await PostTurnAsync(Turn("conv_unknown"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var call = await QueryAsync(db => db.Calls.SingleAsync());
        Assert.That(call.DriverId, Is.Null);
    }

    [Test]
    public async Task ShouldNumberTurnsOneToNInOrder()
    {
        const int turns = 25;
        for (var i = 1; i <= turns; i++)
        {
            var response = await PostTurnAsync(Turn("conv_many", i % 2 == 0 ? "user" : "agent", $"turn {i}", IsoNow(i - turns)));
            var body = await ReadJsonAsync(response);
            Assert.That(body.GetProperty("sequence_number").GetInt32(), Is.EqualTo(i));
        }

        var stored = await QueryAsync(db => db.CallTranscriptions.OrderBy(t => t.SequenceNumber).ToListAsync());
        Assert.That(stored.Select(t => t.SequenceNumber), Is.EqualTo(Enumerable.Range(1, turns)));
        Assert.That(stored.Select(t => t.MessageText), Is.EqualTo(Enumerable.Range(1, turns).Select(i => $"turn {i}")));
    }

    [Test]
    public async Task ShouldKeepInterleavedConversationsApart()
    {
        var expected = new List<(string Conversation, int Sequence)>();
        for (var i = 1; i <= 4; i++)
        {
            foreach (var conversation in new[] { "conv_a", "conv_b", "conv_c" })
            {
                var response = await PostTurnAsync(Turn(conversation, message: $"{conversation} {i}", timestamp: IsoNow(i)));
                var body = await ReadJsonAsync(response);
                expected.Add((conversation, i));
                Assert.That(body.GetProperty("sequence_number").GetInt32(), Is.EqualTo(i), conversation);
            }
        }

        var stored = await QueryAsync(db => db.CallTranscriptions.ToListAsync());
        Assert.That(stored.Select(t => (t.ConversationId, t.SequenceNumber)), Is.EquivalentTo(expected));
        Assert.That(stored.All(t => t.MessageText == $"{t.ConversationId} {t.SequenceNumber}"), Is.True);
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(3));
    }

    [Test]
    public async Task ShouldStoreUserAsDriverAndAgentAsAgent()
    {
        await PostTurnAsync(Turn("conv_speakers", "agent", "Hi", IsoNow(-2)));
        await PostTurnAsync(Turn("conv_speakers", "user", "Hello", IsoNow(-1)));

        var speakers = await QueryAsync(db => db.CallTranscriptions.OrderBy(t => t.SequenceNumber).Select(t => t.SpeakerType).ToListAsync());
        Assert.That(speakers, Is.EqualTo(new[] { SpeakerType.Agent, SpeakerType.Driver }));
    }

    [Test]
    public async Task ShouldStoreAnOffsetTimestampAsTheSameInstantInUtc()
    {
        var instant = DateTimeOffset.UtcNow.AddMinutes(-5);
        var inPlusTwo = instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(inPlusTwo, Does.EndWith("+02:00"));

        await PostTurnAsync(Turn("conv_offset", timestamp: inPlusTwo));

        var stored = await QueryAsync(db => db.CallTranscriptions.SingleAsync());
        var call = await QueryAsync(db => db.Calls.SingleAsync());
        Assert.That(stored.Timestamp, Is.EqualTo(instant).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(stored.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(call.CallStartTime.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task ShouldTakeATimestampWithoutOffsetAsUtc()
    {
        var instant = DateTimeOffset.UtcNow.AddMinutes(-5);
        var withoutOffset = instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

        await PostTurnAsync(Turn("conv_naive", timestamp: withoutOffset));

        var stored = await QueryAsync(db => db.CallTranscriptions.SingleAsync());
        Assert.That(stored.Timestamp, Is.EqualTo(instant).Within(TimeSpan.FromMilliseconds(1)));
    }
}
