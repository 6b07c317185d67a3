using System.Net;
using System.Text.Json;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

public class PostCallTranscriptionTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    [SetUp]
    public void ForgetEarlierLogs() => Factory.Logs.Clear();

    [Test]
    public async Task ShouldCompleteTheCallAndStoreTheWholeTranscriptWhenNoTurnArrived()
    {
        var driverId = await SeedDriverForConversationAsync("conv_post_only");

        var response = await PostCallAsync(TranscriptOf("conv_post_only"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("success"));
            Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("post_call_transcription"));
            Assert.That(body.GetProperty("conversation_id").GetString(), Is.EqualTo("conv_post_only"));
            Assert.That(body.GetProperty("call_status").GetString(), Is.EqualTo("completed"));
            Assert.That(body.GetProperty("turns_stored").GetInt32(), Is.EqualTo(Turns.Length));
            Assert.That(body.GetProperty("turns_already_stored").GetInt32(), Is.Zero);
            Assert.That(body.GetProperty("unplaced_entries").GetArrayLength(), Is.Zero);
        });

        var call = await StoredCallAsync("conv_post_only");
        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.DriverId, Is.EqualTo(driverId));
            Assert.That(call.CallStartTime, Is.EqualTo(StartedAt));
            Assert.That(call.CallEndTime, Is.EqualTo(StartedAt.AddSeconds(38)));
            Assert.That(call.UpdatedAt, Is.GreaterThan(StartedAt));
        });
        Assert.That(await StoredConversationAsync("conv_post_only"), Is.EqualTo(Numbered(Turns)));
        var stored = await StoredTurnsAsync("conv_post_only");
        Assert.That(stored.Select(t => t.Timestamp), Is.EqualTo(Turns.Select(s => StartedAt.AddSeconds(s.TimeInCallSecs))));
        Assert.That(stored.Select(t => t.Timestamp.Offset), Has.All.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task ShouldFailTheCallWhenTheTranscriptSaysFailed()
    {
        var response = await PostCallAsync(TranscriptOf("conv_post_failed", Conversation[..2], status: "failed"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response)).GetProperty("call_status").GetString(), Is.EqualTo("failed"));
        Assert.That((await StoredCallAsync("conv_post_failed")).Status, Is.EqualTo(CallStatus.Failed));
        Assert.That(await StoredTurnsAsync("conv_post_failed"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ShouldStoreNothingNewWhenEveryTurnArrivedInRealTime()
    {
        await RelayAsync("conv_all_relayed", Turns);
        var relayed = await StoredTurnsAsync("conv_all_relayed");

        var response = await PostCallAsync(TranscriptOf("conv_all_relayed"));

        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("turns_stored").GetInt32(), Is.Zero);
        Assert.That(body.GetProperty("turns_already_stored").GetInt32(), Is.EqualTo(Turns.Length));
        Assert.That(await StoredTurnsAsync("conv_all_relayed"), Is.EqualTo(relayed).Using<Domain.Transcriptions.Transcription>(SameRow));
        Assert.That((await StoredCallAsync("conv_all_relayed")).Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task ShouldAppendTheTurnsTheRelayNeverDelivered()
    {
        await RelayAsync("conv_tail_missing", Turns[..3]);
        var relayed = await StoredTurnsAsync("conv_tail_missing");

        var response = await PostCallAsync(TranscriptOf("conv_tail_missing"));

        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("turns_stored").GetInt32(), Is.EqualTo(Turns.Length - 3));
        Assert.That(body.GetProperty("turns_already_stored").GetInt32(), Is.EqualTo(3));
        Assert.That(await StoredConversationAsync("conv_tail_missing"), Is.EqualTo(Numbered(Turns)));
        Assert.That((await StoredTurnsAsync("conv_tail_missing")).Take(3), Is.EqualTo(relayed).Using<Domain.Transcriptions.Transcription>(SameRow),
            "stored turns are never renumbered or changed");
    }

    [Test]
    public async Task ShouldReportButNotStoreATurnMissingBetweenStoredTurns()
    {
        // The relay lost "Yeah, go ahead." (entry 1) and, later, the last turn.
        await RelayAsync("conv_middle_missing", [Turns[0], .. Turns[2..^1]]);

        var response = await PostCallAsync(TranscriptOf("conv_middle_missing"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("unplaced_entries").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 1 }));
            Assert.That(body.GetProperty("turns_stored").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("turns_already_stored").GetInt32(), Is.EqualTo(Turns.Length - 2));
            Assert.That(body.GetProperty("stored_turns_not_in_transcript").GetInt32(), Is.Zero);
        });
        Assert.That(await StoredConversationAsync("conv_middle_missing"), Is.EqualTo(Numbered([Turns[0], .. Turns[2..]])));

        var warning = Factory.Logs.Entries.Single(e => e.Level == LogLevel.Warning && e.Fields.ContainsKey("UnplacedEntries"));
        Assert.Multiple(() =>
        {
            Assert.That(warning.Fields["ConversationId"], Is.EqualTo("conv_middle_missing"));
            Assert.That(warning.Fields["UnplacedEntries"], Is.EqualTo(1));
            Assert.That(warning.Fields["TurnsStored"], Is.EqualTo(1));
            Assert.That(warning.Message, Does.Not.Contain("go ahead"), "transcript text is personal data");
        });
    }

    [Test]
    public async Task ShouldChangeNothingOnAByteIdenticalRedelivery()
    {
        await RelayAsync("conv_redelivered", Turns[..2]);
        var transcript = TranscriptOf("conv_redelivered");
        await PostCallAsync(transcript);
        var (call, turns) = (await StoredCallAsync("conv_redelivered"), await StoredTurnsAsync("conv_redelivered"));

        var response = await PostCallAsync(transcript);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("turns_stored").GetInt32(), Is.Zero);
        Assert.That(body.GetProperty("turns_already_stored").GetInt32(), Is.EqualTo(Turns.Length));
        var again = await StoredCallAsync("conv_redelivered");
        Assert.That((again.Status, again.CallEndTime, again.UpdatedAt), Is.EqualTo((call.Status, call.CallEndTime, call.UpdatedAt)));
        Assert.That(await StoredTurnsAsync("conv_redelivered"), Is.EqualTo(turns).Using<Domain.Transcriptions.Transcription>(SameRow));
    }

    [TestCase(0, TestName = "ShouldStoreConcurrentDuplicateDeliveriesOnce")]
    [TestCase(3, TestName = "ShouldStoreConcurrentDuplicateDeliveriesOnceAfterRealTimeTurns")]
    public async Task ShouldStoreConcurrentDuplicatesOnce(int relayed)
    {
        await RelayAsync("conv_duplicates", Turns[..relayed]);
        var transcript = TranscriptOf("conv_duplicates");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostCallAsync(transcript)));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        var stored = await Task.WhenAll(responses.Select(async r => (await ReadJsonAsync(r)).GetProperty("turns_stored").GetInt32()));
        Assert.That(stored.Sum(), Is.EqualTo(Turns.Length - relayed), "one delivery stores the missing turns, the others nothing");
        Assert.That(await StoredConversationAsync("conv_duplicates"), Is.EqualTo(Numbered(Turns)));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task ShouldReadOnlyTheFieldsItUses()
    {
        var body = TranscriptOf("conv_extra_fields");
        var document = JsonDocument.Parse(body).RootElement;
        Assert.That(document.GetProperty("data").GetProperty("metadata").GetProperty("batch_call").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var response = await PostCallAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static bool SameRow(Domain.Transcriptions.Transcription a, Domain.Transcriptions.Transcription b) =>
        (a.Id, a.SequenceNumber, a.SpeakerType, a.MessageText, a.Timestamp, a.ContentHash, a.CreatedAt)
        == (b.Id, b.SequenceNumber, b.SpeakerType, b.MessageText, b.Timestamp, b.ContentHash, b.CreatedAt);
}
