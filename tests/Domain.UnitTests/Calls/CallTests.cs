using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Domain.UnitTests.Calls;

public class CallTests
{
    private static readonly DateTimeOffset _startedAt = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _endedAt = _startedAt.AddSeconds(38);
    private static readonly DateTimeOffset _now = _startedAt.AddMinutes(5);

    [Test]
    public void ShouldStartInProgressWithoutAnEndTime()
    {
        var call = Started();

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.InProgress));
            Assert.That(call.HasEnded, Is.False);
            Assert.That(call.CallEndTime, Is.Null);
            Assert.That(call.UpdatedAt, Is.EqualTo(_startedAt));
        });
    }

    [Test]
    public void ShouldCompleteACallInProgress()
    {
        var call = Started();

        var changed = call.Complete(_endedAt, _now);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.HasEnded, Is.True);
            Assert.That(call.CallEndTime, Is.EqualTo(_endedAt));
            Assert.That(call.UpdatedAt, Is.EqualTo(_now));
        });
    }

    [Test]
    public void ShouldFailACallInProgress()
    {
        var call = Started();

        var changed = call.Fail(_endedAt, _now);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.CallEndTime, Is.EqualTo(_endedAt));
            Assert.That(call.UpdatedAt, Is.EqualTo(_now));
        });
    }

    [Test]
    public void ShouldNotFailACompletedCall()
    {
        var call = Started();
        call.Complete(_endedAt, _now);

        var changed = call.Fail(_endedAt.AddMinutes(1), _now.AddMinutes(1));

        AssertUnchanged(call, changed, CallStatus.Completed);
    }

    [Test]
    public void ShouldNotCompleteAFailedCall()
    {
        var call = Started();
        call.Fail(_endedAt, _now);

        var changed = call.Complete(_endedAt.AddMinutes(1), _now.AddMinutes(1));

        AssertUnchanged(call, changed, CallStatus.Failed);
    }

    [Test]
    public void ShouldLeaveACompletedCallAsItIsWhenCompletedAgain()
    {
        var call = Started();
        call.Complete(_endedAt, _now);

        var changed = call.Complete(_endedAt.AddMinutes(1), _now.AddMinutes(1));

        AssertUnchanged(call, changed, CallStatus.Completed);
    }

    [Test]
    public void ShouldNeverEndBeforeItStarted()
    {
        var call = Started();

        call.Complete(_startedAt.AddSeconds(-3), _now);

        Assert.That(call.CallEndTime, Is.EqualTo(_startedAt));
    }

    [Test]
    public void ShouldKeepEveryTimeInUtc()
    {
        var call = Call.StartedBy("conv_utc", 7, _startedAt.ToOffset(TimeSpan.FromHours(2)), _now.ToOffset(TimeSpan.FromHours(-5)));
        call.Complete(_endedAt.ToOffset(TimeSpan.FromHours(9)), _now.ToOffset(TimeSpan.FromHours(-5)));

        Assert.Multiple(() =>
        {
            Assert.That(call.CallStartTime.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(call.CallEndTime!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(call.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(call.UpdatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(call.CallEndTime, Is.EqualTo(_endedAt));
        });
    }

    [Test]
    public void ShouldReplayALateTurnAsTheFirstStoredTurnThatSaysTheSame()
    {
        var call = Started();
        call.Complete(_endedAt, _now);
        var stored = new[] { Stored(1, SpeakerType.Agent, "Is it fixed?"), Stored(2, SpeakerType.Driver, "Yes."), Stored(3, SpeakerType.Driver, "Yes.") };

        // The relay's own timestamp, so another content hash than the stored turn's.
        var replayed = call.ReplayLateTurn(stored, new Turn(SpeakerType.Driver, " Yes. ", _endedAt.AddSeconds(2)));

        Assert.That(replayed, Is.SameAs(stored[1]));
    }

    [Test]
    public void ShouldRefuseALateTurnThatNoStoredTurnSays()
    {
        var call = Started();
        call.Fail(_endedAt, _now);
        var stored = new[] { Stored(1, SpeakerType.Driver, "Yes.") };

        var refused = Assert.Throws<CallEndedException>(() => call.ReplayLateTurn(stored, new Turn(SpeakerType.Agent, "Yes.", _endedAt)));

        Assert.That((refused!.ConversationId, refused.Status), Is.EqualTo(("conv_lifecycle", CallStatus.Failed)));
    }

    [Test]
    public void ShouldTakeNoLateTurnWhileInProgress() => Assert.Throws<InvalidOperationException>(
        () => Started().ReplayLateTurn([Stored(1, SpeakerType.Driver, "Yes.")], new Turn(SpeakerType.Driver, "Yes.", _endedAt)));

    private static Transcription Stored(int sequenceNumber, SpeakerType speaker, string message) => Transcription.Next(
        "conv_lifecycle", sequenceNumber - 1, new Turn(speaker, message, _startedAt.AddSeconds(sequenceNumber)), new string('e', 64), _now);

    private static Call Started() => Call.StartedBy("conv_lifecycle", 7, _startedAt, _startedAt);

    private static void AssertUnchanged(Call call, bool changed, CallStatus status) => Assert.Multiple(() =>
    {
        Assert.That(changed, Is.False);
        Assert.That(call.Status, Is.EqualTo(status));
        Assert.That(call.CallEndTime, Is.EqualTo(_endedAt));
        Assert.That(call.UpdatedAt, Is.EqualTo(_now));
    });
}
