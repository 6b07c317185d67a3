using System.Net;
using System.Net.Http.Headers;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

/// <summary>Each instrument of the CallTranscription meter moves when, and only when, its event happens.</summary>
public class InstrumentTests(DatabaseKind kind) : TelemetryTestBase(kind)
{
    private const string Stored = "calltranscription.turns.stored";
    private const string Replayed = "calltranscription.turns.replayed";
    private const string Rejected = "calltranscription.webhook.rejected";
    private const string Started = "calltranscription.calls.started";
    private const string Ended = "calltranscription.calls.ended";
    private const string Unplaced = "calltranscription.transcript.unplaced_entries";
    private const string UnitOfWork = "calltranscription.unit_of_work.duration";

    [Test]
    public async Task ShouldCountAStoredTurnAndTheCallItStarts()
    {
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostTurnAsync(Turn("conv_counted"), ObservedClient), HttpStatusCode.Created);

        var after = Telemetry.ReadMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, Stored, "source=per_turn"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Started), Is.EqualTo(1));
            Assert.That(Delta(before, after, UnitOfWork, "command=SaveTranscription", "outcome=committed"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Replayed, "source=per_turn"), Is.Zero);
        });
    }

    [Test]
    public async Task ShouldCountAReplayedTurnWithoutStartingACall()
    {
        var turn = Turn("conv_replayed");
        await ExpectAsync(PostTurnAsync(turn, ObservedClient), HttpStatusCode.Created);
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostTurnAsync(turn, ObservedClient), HttpStatusCode.Created);

        var after = Telemetry.ReadMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, Replayed, "source=per_turn"), Is.EqualTo(1));
            Assert.That(Delta(before, after, UnitOfWork, "command=SaveTranscription", "outcome=replayed"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Stored, "source=per_turn"), Is.Zero);
            Assert.That(Delta(before, after, Started), Is.Zero);
        });
    }

    [Test]
    public async Task ShouldCountEachRefusalOfTheTranscriptionWebhookByReason()
    {
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostTurnAsync(Turn("conv_invalid", speaker: "narrator"), ObservedClient), HttpStatusCode.BadRequest);
        await ExpectAsync(ObservedClient.PostAsync(WebhookPath, new StringContent("{}", null, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await ExpectAsync(PostTurnAsync(Turn("conv_large", message: new string('a', 70_000)), ObservedClient), HttpStatusCode.RequestEntityTooLarge);

        var after = Telemetry.ReadMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, Rejected, "webhook=transcription", "reason=validation"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Rejected, "webhook=transcription", "reason=unsupported_media_type"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Rejected, "webhook=transcription", "reason=too_large"), Is.EqualTo(1));
            Assert.That(Delta(before, after, UnitOfWork, "command=SaveTranscription", "outcome=failed"), Is.Zero);
        });
    }

    [Test]
    public async Task ShouldCountTheEndOfACallAndWhatItsTranscriptStored()
    {
        await RelayAsync("conv_completed", Turns[0]);
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostCallAsync(TranscriptOf("conv_completed"), client: ObservedClient), HttpStatusCode.OK);

        var after = Telemetry.ReadMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, Stored, "source=post_call"), Is.EqualTo(Turns.Length - 1));
            Assert.That(Delta(before, after, Replayed, "source=post_call"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Ended, "status=completed"), Is.EqualTo(1));
            Assert.That(Delta(before, after, Started), Is.Zero);
            Assert.That(Delta(before, after, UnitOfWork, "command=CompleteCall", "outcome=committed"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ShouldCountTranscriptEntriesThatFallBetweenStoredTurns()
    {
        await RelayAsync("conv_unplaced", Turns[0], Turns[2]);
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostCallAsync(TranscriptOf("conv_unplaced"), client: ObservedClient), HttpStatusCode.OK);

        var after = Telemetry.ReadMetrics();
        Assert.That(Delta(before, after, Unplaced), Is.EqualTo(1));
    }

    [Test]
    public async Task ShouldCountACallThatNeverConnectedAsStartedAndFailed()
    {
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostCallAsync(PostCallEvents.InitiationFailure("conv_busy", DateTimeOffset.UtcNow), client: ObservedClient), HttpStatusCode.OK);

        var after = Telemetry.ReadMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, Started), Is.EqualTo(1));
            Assert.That(Delta(before, after, Ended, "status=failed"), Is.EqualTo(1));
            Assert.That(Delta(before, after, UnitOfWork, "command=FailCall", "outcome=committed"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ShouldCountATurnRefusedBecauseItsCallEndedAsAFailedUnitOfWork()
    {
        await ExpectAsync(PostCallAsync(TranscriptOf("conv_ended"), client: ObservedClient), HttpStatusCode.OK);
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostTurnAsync(Turn("conv_ended", message: "Something nobody said"), ObservedClient), HttpStatusCode.Conflict);

        var after = Telemetry.ReadMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, Rejected, "webhook=transcription", "reason=call_ended"), Is.EqualTo(1));
            Assert.That(Delta(before, after, UnitOfWork, "command=SaveTranscription", "outcome=failed"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ShouldCountAPostCallEventWithABadSignature()
    {
        var before = Telemetry.ReadMetrics();

        await ExpectAsync(PostCallAsync(TranscriptOf("conv_forged"), secret: "not the secret", client: ObservedClient), HttpStatusCode.Unauthorized);

        var after = Telemetry.ReadMetrics();
        Assert.That(Delta(before, after, Rejected, "webhook=post_call", "reason=signature"), Is.EqualTo(1));
    }

    [Test]
    public void ShouldMeasureTheRuntimeTheServerAndTheDatabaseClient()
    {
        var metrics = Telemetry.ReadMetrics();

        Assert.Multiple(() =>
        {
            Assert.That(metrics.Has("http.server.request.duration"), Is.True);
            Assert.That(metrics.Has("dotnet.gc.collections"), Is.True);
            Assert.That(metrics.Has("resilience.polly.pipeline.duration"), Is.True);
            if (Kind == DatabaseKind.Postgres)
            {
                Assert.That(metrics.Has("db.client.operation.duration") || metrics.Has("db.client.commands.duration"), Is.True);
            }
        });
    }

    private static double Delta(MetricValues before, MetricValues after, string name, params string[] tags) =>
        after[name, tags] - before[name, tags];

    private static async Task ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected)
    {
        using var response = await sending;
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }
}
