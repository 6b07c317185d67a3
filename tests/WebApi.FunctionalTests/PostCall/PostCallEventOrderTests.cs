using System.Net;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

/// <summary>ElevenLabs promises no order between a call's events, and retries can arrive ~40 minutes late.</summary>
public class PostCallEventOrderTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private static readonly DateTimeOffset _failedAt = StartedAt.AddSeconds(30);

    [SetUp]
    public void ForgetEarlierLogs() => Factory.Logs.Clear();

    [Test]
    public async Task ShouldFailACallThatNeverConnected()
    {
        var driverId = await SeedDriverForConversationAsync("conv_busy");

        var response = await PostCallAsync(PostCallEvents.InitiationFailure("conv_busy", _failedAt, "busy"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("call_initiation_failure"));
        Assert.That(body.GetProperty("call_status").GetString(), Is.EqualTo("failed"));
        var call = await StoredCallAsync("conv_busy");
        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.DriverId, Is.EqualTo(driverId));
            Assert.That(call.CallStartTime, Is.EqualTo(_failedAt));
            Assert.That(call.CallEndTime, Is.EqualTo(_failedAt));
        });
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
        Assert.That(Factory.Logs.Entries.Where(e => e.Fields.ContainsKey("FailureReason")).Select(e => e.Fields["FailureReason"]),
            Is.EqualTo(new[] { "busy" }));
    }

    [Test]
    public async Task ShouldCompleteTheCallWhenTheAudioArrivesFirst()
    {
        var audio = await PostCallAsync(PostCallEvents.Audio("conv_audio_first", StartedAt.AddSeconds(40)));
        Assert.That(audio.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero, "audio stores nothing");

        var transcript = await PostCallAsync(TranscriptOf("conv_audio_first"));

        Assert.That(transcript.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await StoredCallAsync("conv_audio_first")).Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(await StoredConversationAsync("conv_audio_first"), Is.EqualTo(Numbered(Turns)));
    }

    [Test]
    public async Task ShouldKeepACompletedCallCompletedWhenAFailureArrivesAfterwards()
    {
        await PostCallAsync(TranscriptOf("conv_failure_late"));
        var completed = await StoredCallAsync("conv_failure_late");

        var response = await PostCallAsync(PostCallEvents.InitiationFailure("conv_failure_late", _failedAt, "unknown"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response)).GetProperty("call_status").GetString(), Is.EqualTo("completed"));
        var call = await StoredCallAsync("conv_failure_late");
        Assert.That((call.Status, call.CallEndTime, call.UpdatedAt), Is.EqualTo((CallStatus.Completed, completed.CallEndTime, completed.UpdatedAt)));
    }

    [Test]
    public async Task ShouldKeepAFailedCallFailedButStoreItsTranscript()
    {
        await PostCallAsync(PostCallEvents.InitiationFailure("conv_failed_first", _failedAt));

        var response = await PostCallAsync(TranscriptOf("conv_failed_first"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var call = await StoredCallAsync("conv_failed_first");
        Assert.That((call.Status, call.CallEndTime), Is.EqualTo((CallStatus.Failed, (DateTimeOffset?)_failedAt)));
        Assert.That(await StoredConversationAsync("conv_failed_first"), Is.EqualTo(Numbered(Turns)));
    }

    [Test]
    public async Task ShouldCompleteACallWhoseTurnsArriveWhileItIsInProgress()
    {
        await RelayAsync("conv_in_progress", Turns[..1]);
        Assert.That((await StoredCallAsync("conv_in_progress")).Status, Is.EqualTo(CallStatus.InProgress));

        await PostCallAsync(TranscriptOf("conv_in_progress"));

        var call = await StoredCallAsync("conv_in_progress");
        Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(call.CallStartTime, Is.EqualTo(StartedAt.AddSeconds(0.7)), "the first turn started the call");
        Assert.That(call.CallEndTime, Is.EqualTo(StartedAt.AddSeconds(38)));
    }

    [Test]
    public async Task ShouldAnswerAnUnknownEventTypeWithoutStoringAnything()
    {
        var body = PostCallEvents.Envelope("post_call_summary", StartedAt, new System.Text.Json.Nodes.JsonObject { ["conversation_id"] = "conv_new_type" });

        var response = await PostCallAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response)).GetProperty("type").GetString(), Is.EqualTo("post_call_summary"));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
        Assert.That(Factory.Logs.Entries.Select(e => e.Message), Has.One.Contains("type post_call_summary is not handled"));
        var line = Factory.Logs.Entries.Single(e => e.Fields.ContainsKey("Discarded"));
        Assert.That(line.Fields["EventType"], Is.EqualTo("post_call_summary"));
        Assert.That(line.Fields["Discarded"], Is.True, "the request line does not call an event it ignored stored");
    }
}
