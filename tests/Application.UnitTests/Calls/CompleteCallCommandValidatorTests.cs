using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Application.Transcriptions.SaveTranscription;

namespace CallTranscription.Application.UnitTests.Calls;

public class CompleteCallCommandValidatorTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 21, 14, 5, 0, TimeSpan.Zero);
    private static readonly double _start = _now.AddMinutes(-5).ToUnixTimeSeconds();
    private readonly CompleteCallCommandValidator _validator = new(new FixedTimeProvider(_now));

    [Test]
    public void ShouldAcceptATranscriptAsElevenLabsSendsIt()
    {
        var result = _validator.Validate(Command());

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void ShouldAcceptAnEmptyTranscript()
    {
        var result = _validator.Validate(Command() with { Transcript = [] });

        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public void ShouldIgnoreEntriesWithoutText()
    {
        var result = _validator.Validate(Command() with { Transcript = [new TranscriptEntry(null, null, null), new TranscriptEntry("tool", "  ", -1)] });

        Assert.That(result.IsValid, Is.True);
    }

    [TestCase(null, "data.conversation_id", TestName = "ShouldRequireTheConversationId")]
    [TestCase("conv with spaces", "data.conversation_id", TestName = "ShouldRefuseAConversationIdWithSpaces")]
    public void ShouldRefuseABadConversationId(string? conversationId, string field) =>
        AssertRefused(Command() with { ConversationId = conversationId }, field);

    [Test]
    public void ShouldRequireTheStartTime() =>
        AssertRefused(Command() with { StartTimeUnixSecs = null }, "data.metadata.start_time_unix_secs");

    [Test]
    public void ShouldRefuseAStartTimeBeforeAnyCall() =>
        AssertRefused(Command() with { StartTimeUnixSecs = new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() },
            "data.metadata.start_time_unix_secs");

    [Test]
    public void ShouldRefuseAStartTimeMoreThanADayAhead() =>
        AssertRefused(Command() with { StartTimeUnixSecs = _now.AddDays(1).AddSeconds(1).ToUnixTimeSeconds() }, "data.metadata.start_time_unix_secs");

    [Test]
    public void ShouldAcceptATwoYearOldTranscript() =>
        Assert.That(_validator.Validate(Command() with { StartTimeUnixSecs = _now.AddYears(-2).ToUnixTimeSeconds() }).IsValid, Is.True);

    [Test]
    public void ShouldRefuseAStartTimeInMilliseconds() =>
        AssertRefused(Command() with { StartTimeUnixSecs = _now.ToUnixTimeMilliseconds() }, "data.metadata.start_time_unix_secs");

    [TestCase(null, TestName = "ShouldRequireTheDuration")]
    [TestCase(-1d, TestName = "ShouldRefuseANegativeDuration")]
    [TestCase(double.NaN, TestName = "ShouldRefuseADurationThatIsNotANumber")]
    public void ShouldRefuseABadDuration(double? duration) =>
        AssertRefused(Command() with { CallDurationSecs = duration }, "data.metadata.call_duration_secs");

    [Test]
    public void ShouldRefuseAnUnknownRoleOfATurn() =>
        AssertRefused(WithSecondEntry(new TranscriptEntry("robot", "Beep.", 3)), "data.transcript[1].role");

    [Test]
    public void ShouldRefuseAControlCharacterInATurn() =>
        AssertRefused(WithSecondEntry(new TranscriptEntry("user", "Yes\u0000.", 3)), "data.transcript[1].message");

    [Test]
    public void ShouldRefuseAnOverlongTurn() =>
        AssertRefused(
            WithSecondEntry(new TranscriptEntry("user", new string('m', TranscriptionLimits.MessageMaxLength + 1), 3)),
            "data.transcript[1].message",
            "at most 20000 characters");

    [TestCase(0, true, TestName = "ShouldAcceptATurnOfTheLimitInEmojiAsTheTurnWebhookDoes")]
    [TestCase(1, false, TestName = "ShouldRefuseATurnOneOverTheLimitInEmojiAsTheTurnWebhookDoes")]
    public void ShouldCountATurnsCharactersAsTheTurnWebhookDoes(int over, bool valid)
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", TranscriptionLimits.MessageMaxLength + over));
        Assert.That(emoji, Has.Length.EqualTo(2 * (TranscriptionLimits.MessageMaxLength + over)));
        var perTurn = new SaveTranscriptionCommandValidator(new FixedTimeProvider(_now))
            .Validate(new SaveTranscriptionCommand("conv_1", "user", emoji, _now.ToString("O")));

        var postCall = _validator.Validate(WithSecondEntry(new TranscriptEntry("user", emoji, 3)));

        Assert.That((postCall.IsValid, perTurn.IsValid), Is.EqualTo((valid, valid)));
    }

    [Test]
    public void ShouldRequireTheTimeInCallOfATurn() =>
        AssertRefused(WithSecondEntry(new TranscriptEntry("user", "Yes.", null)), "data.transcript[1].time_in_call_secs");

    private static CompleteCallCommand WithSecondEntry(TranscriptEntry entry) =>
        Command() with { Transcript = [new TranscriptEntry("agent", "Hello?", 0), entry] };

    private void AssertRefused(CompleteCallCommand command, string field)
    {
        var result = _validator.Validate(command);

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { field }));
        Assert.That(result.Errors[0].ErrorMessage, Does.StartWith(field));
    }

    private void AssertRefused(CompleteCallCommand command, string field, string saying)
    {
        AssertRefused(command, field);
        Assert.That(_validator.Validate(command).Errors[0].ErrorMessage, Does.Contain(saying));
    }

    private static CompleteCallCommand Command() => new(
        "conv_01jx3m2n4p5q6r7s8t9v0w1x2",
        "done",
        _start,
        38,
        [
            new TranscriptEntry("agent", "Hi Mike, this is the safety desk.", 0),
            new TranscriptEntry("user", "Yeah, go ahead.", 5),
            new TranscriptEntry("agent", null, 7),
        ]);
}
