using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Domain.UnitTests.Transcriptions;

public class TranscriptionTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);
    private static readonly Turn _said = new(SpeakerType.Driver, "Yes, this is Sam.", _now.AddSeconds(-30));

    [Test]
    public void ShouldNumberTurnsFromOne() =>
        Assert.That(Transcription.Next("conv", lastSequenceNumber: 0, _said, new string('a', 64), _now).SequenceNumber, Is.EqualTo(1));

    [Test]
    public void ShouldNumberATurnAfterTheLastStoredTurn() =>
        Assert.That(Transcription.Next("conv", lastSequenceNumber: 41, _said, new string('a', 64), _now).SequenceNumber, Is.EqualTo(42));

    [Test]
    public void ShouldStoreTheTurnAsSaidWithItsTimesInUtc()
    {
        var turn = _said with { Timestamp = _said.Timestamp.ToOffset(TimeSpan.FromHours(-5)) };

        var transcription = Transcription.Next("conv", 0, turn, new string('a', 64), _now.ToOffset(TimeSpan.FromHours(2)));

        Assert.Multiple(() =>
        {
            Assert.That((transcription.ConversationId, transcription.SpeakerType, transcription.MessageText, transcription.ContentHash),
                Is.EqualTo(("conv", SpeakerType.Driver, "Yes, this is Sam.", new string('a', 64))));
            Assert.That(transcription.Timestamp, Is.EqualTo(_said.Timestamp));
            Assert.That(transcription.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(transcription.CreatedAt, Is.EqualTo(_now));
            Assert.That(transcription.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }
}
