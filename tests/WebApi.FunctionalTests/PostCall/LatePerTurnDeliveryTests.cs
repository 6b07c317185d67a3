using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Webhooks;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

/// <summary>A relay's turn that arrives after ElevenLabs' transcript completed the call: same words, its own timestamp.</summary>
public class LatePerTurnDeliveryTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    [Test]
    public async Task ShouldReplayALateTurnThatTheTranscriptAlreadyStored()
    {
        await RelayAsync("conv_late_turn", Turns[..2]);
        await PostCallAsync(TranscriptOf("conv_late_turn"));
        var stored = await StoredTurnsAsync("conv_late_turn");

        var response = await PostTurnAsync(PostCallEvents.RelayedTurn("conv_late_turn", StartedAt, Turns[2]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.GetValues(TranscriptionWebhook.ReplayedHeader), Is.EqualTo(new[] { "true" }));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("sequence_number").GetInt32(), Is.EqualTo(3));
        Assert.That(body.GetProperty("transcription_id").GetInt32(), Is.EqualTo(stored[2].Id));
        Assert.That(await StoredTurnsAsync("conv_late_turn"), Has.Count.EqualTo(Turns.Length), "no turn is stored twice");
    }

    [Test]
    public async Task ShouldRefuseALateTurnThatIsNotInTheConversation()
    {
        await PostCallAsync(TranscriptOf("conv_late_unknown"));

        var response = await PostTurnAsync(PostCallEvents.RelayedTurn("conv_late_unknown", StartedAt, new Said("user", "Hello? Are you still there?", 30)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("Call already ended"));
        Assert.That(await StoredTurnsAsync("conv_late_unknown"), Has.Count.EqualTo(Turns.Length));
    }

    [Test]
    public async Task ShouldReplayARedeliveryOfATurnStoredInRealTime()
    {
        await RelayAsync("conv_late_retry", Turns[..2]);
        await PostCallAsync(TranscriptOf("conv_late_retry"));

        var response = await PostTurnAsync(PostCallEvents.RelayedTurn("conv_late_retry", StartedAt, Turns[1]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await ReadJsonAsync(response)).GetProperty("sequence_number").GetInt32(), Is.EqualTo(2));
        Assert.That(await StoredTurnsAsync("conv_late_retry"), Has.Count.EqualTo(Turns.Length));
    }
}
