using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Application.Transcriptions.SaveTranscription;

namespace CallTranscription.Application.UnitTests.Transcriptions;

public class SaveTranscriptionCommandValidatorTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private readonly SaveTranscriptionCommandValidator _validator = new(new FixedTimeProvider(_now));

    private static SaveTranscriptionCommand Valid() => new("conv_01jx9", "agent", "Hello, is this Sam?", "2026-11-21T13:59:58Z");

    [Test]
    public void ShouldAcceptAWellFormedTurn() => Assert.That(_validator.Validate(Valid()).IsValid, Is.True);

    [Test]
    public void ShouldAcceptUserSpeaker() => Assert.That(_validator.Validate(Valid() with { Speaker = "user" }).IsValid, Is.True);

    [TestCase(null, "conversation_id")]
    [TestCase("", "conversation_id")]
    public void ShouldRequireConversationId(string? value, string field) =>
        AssertRejected(Valid() with { ConversationId = value }, field, "conversation_id is required");

    [TestCase(null)]
    [TestCase("")]
    public void ShouldRequireSpeaker(string? value) => AssertRejected(Valid() with { Speaker = value }, "speaker", "speaker is required");

    [TestCase(null)]
    [TestCase("")]
    public void ShouldRequireMessage(string? value) => AssertRejected(Valid() with { Message = value }, "message", "message is required");

    [TestCase("   ")]
    [TestCase(" \t\r\n")]
    public void ShouldRejectABlankMessage(string value) => AssertRejected(Valid() with { Message = value }, "message", "message must not be blank");

    [TestCase(null)]
    [TestCase("")]
    public void ShouldRequireTimestamp(string? value) => AssertRejected(Valid() with { Timestamp = value }, "timestamp", "timestamp is required");

    [TestCase("driver")]
    [TestCase("bot")]
    [TestCase("AGENT")]
    public void ShouldRejectUnknownSpeaker(string speaker) =>
        AssertRejected(Valid() with { Speaker = speaker }, "speaker", "speaker must be 'agent' or 'user'");

    [TestCase("yesterday")]
    [TestCase("2026-11-21T14:00:00Zjunk")]
    public void ShouldRejectUnparseableTimestamp(string timestamp) =>
        AssertRejected(Valid() with { Timestamp = timestamp }, "timestamp", "ISO-8601");

    [TestCase("2019-01-01T00:00:00Z")]
    [TestCase("2023-12-31T23:59:59Z")]
    [TestCase("2026-11-22T14:00:01Z")]
    [TestCase("2099-01-01T00:00:00Z")]
    public void ShouldRejectTimestampsNoRealCallHas(string timestamp) =>
        AssertRejected(Valid() with { Timestamp = timestamp }, "timestamp", "from 2024-01-01 to 1 day after");

    [TestCase("2024-01-01T00:00:00Z")]
    [TestCase("2024-11-21T14:00:00Z")]
    [TestCase("2026-11-22T14:00:00Z")]
    public void ShouldAcceptAnyRealTimeUpToTheAllowedLead(string timestamp) =>
        Assert.That(_validator.Validate(Valid() with { Timestamp = timestamp }).IsValid, Is.True);

    [Test]
    public void ShouldRejectOverlongConversationId() => AssertRejected(
        Valid() with { ConversationId = new string('c', TranscriptionLimits.ConversationIdMaxLength + 1) }, "conversation_id", "at most 128");

    [TestCase("conv 1")]
    [TestCase("conv\u00001")]
    [TestCase("conv\n1")]
    [TestCase("conv\u00e91")]
    public void ShouldRejectConversationIdWithSpacesControlsOrNonAscii(string id) =>
        AssertRejected(Valid() with { ConversationId = id }, "conversation_id", "printable ASCII");

    [Test]
    public void ShouldRejectOverlongMessage() => AssertRejected(
        Valid() with { Message = new string('m', TranscriptionLimits.MessageMaxLength + 1) }, "message", "at most 20000");

    [Test]
    public void ShouldCountCharactersNotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", TranscriptionLimits.MessageMaxLength));
        Assert.That(emoji, Has.Length.EqualTo(2 * TranscriptionLimits.MessageMaxLength));

        Assert.That(_validator.Validate(Valid() with { Message = emoji }).IsValid, Is.True);
        AssertRejected(Valid() with { Message = emoji + "!" }, "message", "at most 20000 characters");
    }

    // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
    private static readonly string[] _unspeakableMessages =
    [
        "nul\u0000byte",
        "bell\u0007",
        "escape\u001b[31m",
        "lone " + (char)0xD800 + " surrogate",
        "reversed " + (char)0xDC00 + (char)0xD800 + " pair",
    ];

    [TestCaseSource(nameof(_unspeakableMessages))]
    public void ShouldRejectMessageWithControlCharactersOrBrokenUnicode(string message) =>
        AssertRejected(Valid() with { Message = message }, "message", "control characters or invalid Unicode");

    [TestCase("Line one\nline two\r\n\tindented")]
    [TestCase("Über café — 10-4, 🚚 on I-80")]
    public void ShouldAcceptOrdinarySpeech(string message) =>
        Assert.That(_validator.Validate(Valid() with { Message = message }).IsValid, Is.True);

    [Test]
    public void ShouldReportEveryOffendingField()
    {
        var result = _validator.Validate(new SaveTranscriptionCommand(null, "bot", "", "soon"));

        Assert.That(result.Errors.Select(e => e.PropertyName),
            Is.EquivalentTo(new[] { "conversation_id", "speaker", "message", "timestamp" }));
    }

    private void AssertRejected(SaveTranscriptionCommand command, string field, string messageFragment)
    {
        var result = _validator.Validate(command);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Errors[0].PropertyName, Is.EqualTo(field));
        Assert.That(result.Errors[0].ErrorMessage, Does.Contain(messageFragment));
    }
}
