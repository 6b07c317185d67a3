using CallTranscription.Application.Transcriptions.SaveTranscription;

namespace CallTranscription.Application.UnitTests.Transcriptions;

public class SaveTranscriptionCommandTests
{
    private static readonly SaveTranscriptionCommand _turn = new("conv", "agent", "Hello", "2026-11-21T16:03:07+02:00");

    [Test]
    public void ShouldReadTheTimestampInUtcWhenMade() =>
        Assert.That(_turn.ParsedTimestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 14, 3, 7, TimeSpan.Zero)));

    [Test]
    public void ShouldReadTheTimestampOfACopyMadeWithAnother() => Assert.Multiple(() =>
    {
        Assert.That((_turn with { Timestamp = "2026-11-21T14:03:08Z" }).ParsedTimestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 14, 3, 8, TimeSpan.Zero)));
        Assert.That((_turn with { Timestamp = "yesterday" }).ParsedTimestamp, Is.Null);
        Assert.That(_turn with { Timestamp = "2026-11-21T14:03:07Z" }, Is.Not.EqualTo(_turn), "another spelling of the same instant");
    });
}
