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

    /// <summary>
    /// The hashes of turns stored before today: if these change, a redelivery of a stored turn no longer finds it and
    /// is stored twice. Renaming a C# member (SpeakerType.Driver to SpeakerType.User, say) must not change them.
    /// </summary>
    [TestCase(SpeakerType.Agent, "Hello, this is Dispatch.", "a229817ec6994af0c5a3ccf8ef3e24aebb308e9a43f5f31a50a5165be1c2f3b5")]
    [TestCase(SpeakerType.Driver, "Yes, this is Sam.", "e55b8d58056ac2e6f438d679f0ca5eeb561de070fdee234efdde23c16f39fd4f")]
    public void ShouldHashAsTheStoredTurnsWereHashed(SpeakerType speaker, string message, string stored) => Assert.That(
        ContentHash.Of("conv_01jx9k2m7f8e", speaker, new DateTimeOffset(2026, 11, 21, 14, 3, 7, 250, TimeSpan.Zero), message),
        Is.EqualTo(stored));

    [Test]
    public void ShouldRefuseASpeakerItHasNoSpellingFor() => Assert.Throws<ArgumentOutOfRangeException>(
        () => ContentHash.Of("conv", (SpeakerType)7, _at, "Hello"));

    [Test]
    public void ShouldTellIdenticalTranscriptEntriesApartByTheirPlace() => Assert.That(
        ContentHash.OfTranscriptEntry("conv", 3, SpeakerType.Driver, _at, "Yes."),
        Is.Not.EqualTo(ContentHash.OfTranscriptEntry("conv", 4, SpeakerType.Driver, _at, "Yes.")));

    [Test]
    public void ShouldNeverGiveATranscriptEntryTheHashOfADeliveredTurn() => Assert.That(
        ContentHash.OfTranscriptEntry("conv", 0, SpeakerType.Agent, _at, "Hello"),
        Is.Not.EqualTo(ContentHash.Of("conv", SpeakerType.Agent, _at, "Hello")).And.Length.EqualTo(ContentHash.Length));
}
