using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.UnitTests.Transcriptions;

public class ContentHashTests
{
    private static readonly DateTimeOffset _at = new(2026, 11, 21, 14, 3, 7, TimeSpan.Zero);

    [Test]
    public void ShouldBeStableForTheSameTurn() => Assert.That(
        ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello"),
        Is.EqualTo(ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello")).And.Length.EqualTo(ContentHash.Length));

    [Test]
    public void ShouldTreatTheSameInstantInAnotherOffsetAsTheSameTurn() => Assert.That(
        ContentHash.Of("conv", SpeakerType.Agent, _at.ToOffset(TimeSpan.FromHours(2)), "Hello"),
        Is.EqualTo(ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello")));

    [Test]
    public void ShouldDifferWhenAnyFieldDiffers()
    {
        var hashes = new[]
        {
            ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello"),
            ContentHash.Of("conv2", SpeakerType.Agent, _at, "Hello"),
            ContentHash.Of("conv", SpeakerType.Driver, _at, "Hello"),
            ContentHash.Of("conv", SpeakerType.Agent, _at.AddTicks(1), "Hello"),
            ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello!"),
        };

        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void ShouldNotConfuseFieldBoundaries() => Assert.That(
        ContentHash.Of("ab", SpeakerType.Agent, _at, "c"),
        Is.Not.EqualTo(ContentHash.Of("a", SpeakerType.Agent, _at, "bc")));

    [Test]
    public void ShouldTellIdenticalTranscriptEntriesApartByTheirPlace() => Assert.That(
        ContentHash.OfTranscriptEntry("conv", 3, SpeakerType.Driver, _at, "Yes."),
        Is.Not.EqualTo(ContentHash.OfTranscriptEntry("conv", 4, SpeakerType.Driver, _at, "Yes.")));

    [Test]
    public void ShouldNeverGiveATranscriptEntryTheHashOfADeliveredTurn() => Assert.That(
        ContentHash.OfTranscriptEntry("conv", 0, SpeakerType.Agent, _at, "Hello"),
        Is.Not.EqualTo(ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello")).And.Length.EqualTo(ContentHash.Length));
}
