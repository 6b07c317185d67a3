using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Domain.UnitTests.Transcriptions;

public class ContentHashTests
{
    private static readonly DateTimeOffset _at = new(2026, 11, 21, 14, 3, 7, TimeSpan.Zero);

    [Test]
    public void ShouldBeStableForTheSameTurn() => Assert.That(
        ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at)),
        Is.EqualTo(ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at))).And.Length.EqualTo(ContentHash.Length));

    [Test]
    public void ShouldTreatTheSameInstantInAnotherOffsetAsTheSameTurn() => Assert.That(
        ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at.ToOffset(TimeSpan.FromHours(2)))),
        Is.EqualTo(ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at))));

    [Test]
    public void ShouldDifferWhenAnyFieldDiffers()
    {
        var hashes = new[]
        {
            ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at)),
            ContentHash.Of("conv2", new Turn(SpeakerType.Agent, "Hello", _at)),
            ContentHash.Of("conv", new Turn(SpeakerType.Driver, "Hello", _at)),
            ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at.AddTicks(1))),
            ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello!", _at)),
        };

        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void ShouldNotConfuseFieldBoundaries() => Assert.That(
        ContentHash.Of("ab", new Turn(SpeakerType.Agent, "c", _at)),
        Is.Not.EqualTo(ContentHash.Of("a", new Turn(SpeakerType.Agent, "bc", _at))));

    /// <summary>
    /// The hashes of turns stored before today: if these change, a redelivery of a stored turn no longer finds it and
    /// is stored twice. Renaming a C# member (SpeakerType.Driver to SpeakerType.User, say) must not change them.
    /// </summary>
    [TestCase(SpeakerType.Agent, "Hello, this is Dispatch.", "a229817ec6994af0c5a3ccf8ef3e24aebb308e9a43f5f31a50a5165be1c2f3b5")]
    [TestCase(SpeakerType.Driver, "Yes, this is Sam.", "e55b8d58056ac2e6f438d679f0ca5eeb561de070fdee234efdde23c16f39fd4f")]
    public void ShouldHashAsTheStoredTurnsWereHashed(SpeakerType speaker, string message, string stored) => Assert.That(
        ContentHash.Of("conv_01jx9k2m7f8e", new Turn(speaker, message, new DateTimeOffset(2026, 11, 21, 14, 3, 7, 250, TimeSpan.Zero))),
        Is.EqualTo(stored));

    [Test]
    public void ShouldHashTranscriptEntriesAsTheStoredOnesWereHashed() => Assert.That(
        ContentHash.OfTranscriptEntry("conv_01jx9k2m7f8e",
            new TranscriptTurn(3, new Turn(SpeakerType.Driver, "Yes, this is Sam.", new DateTimeOffset(2026, 11, 21, 14, 3, 7, 250, TimeSpan.Zero)))),
        Is.EqualTo("75464e251a25163e72d9b0557254c5949ff405ccf5b3c1afe8fb7309baa22355"));

    [Test]
    public void ShouldRefuseASpeakerItHasNoSpellingFor() => Assert.Throws<ArgumentOutOfRangeException>(
        () => ContentHash.Of("conv", new Turn((SpeakerType)7, "Hello", _at)));

    [Test]
    public void ShouldTellIdenticalTranscriptEntriesApartByTheirPlace() => Assert.That(
        ContentHash.OfTranscriptEntry("conv", new TranscriptTurn(3, new Turn(SpeakerType.Driver, "Yes.", _at))),
        Is.Not.EqualTo(ContentHash.OfTranscriptEntry("conv", new TranscriptTurn(4, new Turn(SpeakerType.Driver, "Yes.", _at)))));

    [Test]
    public void ShouldNeverGiveATranscriptEntryTheHashOfADeliveredTurn() => Assert.That(
        ContentHash.OfTranscriptEntry("conv", new TranscriptTurn(0, new Turn(SpeakerType.Agent, "Hello", _at))),
        Is.Not.EqualTo(ContentHash.Of("conv", new Turn(SpeakerType.Agent, "Hello", _at))).And.Length.EqualTo(ContentHash.Length));
}
