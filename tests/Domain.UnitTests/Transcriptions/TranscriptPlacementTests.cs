using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Domain.UnitTests.Transcriptions;

public class TranscriptPlacementTests
{
    private static readonly DateTimeOffset _start = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private static readonly TranscriptTurn[] _transcript =
    [
        Said(0, SpeakerType.Agent, "Hi Mike, this is the safety desk."),
        Said(1, SpeakerType.Driver, "Yeah, go ahead."),
        Said(3, SpeakerType.Agent, "The ticket says a brake light was out. Is it fixed?"),
        Said(4, SpeakerType.Driver, "Yes."),
        Said(5, SpeakerType.Agent, "Did a mechanic sign it off?"),
        Said(6, SpeakerType.Driver, "Yes."),
    ];

    [Test]
    public void ShouldAppendEveryTurnWhenNoneIsStored()
    {
        var placement = TranscriptPlacement.Place([], _transcript);

        Assert.That(placement.Appended, Is.EqualTo(_transcript));
        AssertCounts(placement, alreadyStored: 0, unplaced: [], notInTranscript: 0);
    }

    [Test]
    public void ShouldFindEveryTurnAlreadyStored()
    {
        var placement = TranscriptPlacement.Place(Stored(0, 1, 3, 4, 5, 6), _transcript);

        Assert.That(placement.Appended, Is.Empty);
        AssertCounts(placement, alreadyStored: 6, unplaced: [], notInTranscript: 0);
    }

    [Test]
    public void ShouldAppendTheTailAfterTheLastStoredTurn()
    {
        var placement = TranscriptPlacement.Place(Stored(0, 1, 3), _transcript);

        Assert.That(EntryIndexes(placement.Appended), Is.EqualTo(new[] { 4, 5, 6 }));
        AssertCounts(placement, alreadyStored: 3, unplaced: [], notInTranscript: 0);
    }

    [Test]
    public void ShouldLeaveATurnBetweenStoredTurnsUnplaced()
    {
        var placement = TranscriptPlacement.Place(Stored(0, 3, 4, 5, 6), _transcript);

        Assert.That(placement.Appended, Is.Empty);
        AssertCounts(placement, alreadyStored: 5, unplaced: [1], notInTranscript: 0);
    }

    [Test]
    public void ShouldStillAppendTheTailWhenATurnInTheMiddleIsMissing()
    {
        var placement = TranscriptPlacement.Place(Stored(0, 3), _transcript);

        Assert.That(EntryIndexes(placement.Appended), Is.EqualTo(new[] { 4, 5, 6 }));
        AssertCounts(placement, alreadyStored: 2, unplaced: [1], notInTranscript: 0);
    }

    [Test]
    public void ShouldMatchARepeatedAnswerToItsEarliestPlace()
    {
        // "Yes." is said twice; the stored one takes the first, so the conversation reads as the transcript does.
        var placement = TranscriptPlacement.Place(Stored(0, 1, 3, 4), _transcript);

        Assert.That(EntryIndexes(placement.Appended), Is.EqualTo(new[] { 5, 6 }));
        AssertCounts(placement, alreadyStored: 4, unplaced: [], notInTranscript: 0);
    }

    [Test]
    public void ShouldAppendNothingWhenTheLastStoredTurnIsNotInTheTranscript()
    {
        var stored = Stored(0, 1).Append(StoredTurn(3, SpeakerType.Agent, "The ticket says a brake light was out.")).ToList();

        var placement = TranscriptPlacement.Place(stored, _transcript);

        Assert.That(placement.Appended, Is.Empty, "the relay's last turn could be any of the later entries");
        AssertCounts(placement, alreadyStored: 2, unplaced: [3, 4, 5, 6], notInTranscript: 1);
    }

    [Test]
    public void ShouldAppendAfterTheLastStoredTurnWhenAnEarlierOneIsNotInTheTranscript()
    {
        var stored = new[]
        {
            StoredTurn(1, SpeakerType.Agent, "Hi Mike, this is the safety desk, calling about a ticket."),
            StoredTurn(2, SpeakerType.Driver, "Yeah, go ahead."),
        };

        var placement = TranscriptPlacement.Place(stored, _transcript);

        Assert.That(EntryIndexes(placement.Appended), Is.EqualTo(new[] { 3, 4, 5, 6 }));
        AssertCounts(placement, alreadyStored: 1, unplaced: [0], notInTranscript: 1);
    }

    [Test]
    public void ShouldNotMatchTheSameWordsOfTheOtherSpeaker()
    {
        var placement = TranscriptPlacement.Place([StoredTurn(1, SpeakerType.Agent, "Yes.")], _transcript);

        Assert.That(placement.Appended, Is.Empty);
        AssertCounts(placement, alreadyStored: 0, unplaced: [0, 1, 3, 4, 5, 6], notInTranscript: 1);
    }

    [Test]
    public void ShouldMatchTextWithSurroundingWhitespace()
    {
        var placement = TranscriptPlacement.Place([StoredTurn(1, SpeakerType.Agent, "  Hi Mike, this is the safety desk.\n")], _transcript);

        Assert.That(placement.Appended, Has.Count.EqualTo(5));
        AssertCounts(placement, alreadyStored: 1, unplaced: [], notInTranscript: 0);
    }

    [TestCase("hi mike, this is the safety desk.", TestName = "ShouldNotMatchTextInAnotherCase")]
    [TestCase("Hi Mike, this is the safety desk", TestName = "ShouldNotMatchTextWithOtherPunctuation")]
    [TestCase("Hi Mike,  this is the safety desk.", TestName = "ShouldNotMatchTextWithOtherInnerSpacing")]
    public void ShouldNotMatchNearlyTheSameText(string text)
    {
        var placement = TranscriptPlacement.Place([StoredTurn(1, SpeakerType.Agent, text)], _transcript);

        Assert.That(placement.AlreadyStored, Is.Zero);
        Assert.That(placement.Appended, Is.Empty);
    }

    [Test]
    public void ShouldNotMatchStoredTurnsOutOfTheirOrder()
    {
        var stored = new[] { StoredTurn(1, SpeakerType.Driver, "Yeah, go ahead."), StoredTurn(2, SpeakerType.Agent, "Hi Mike, this is the safety desk.") };

        var placement = TranscriptPlacement.Place(stored, _transcript);

        Assert.That(placement.Appended, Is.Empty);
        AssertCounts(placement, alreadyStored: 1, unplaced: [0, 3, 4, 5, 6], notInTranscript: 1);
    }

    [Test]
    public void ShouldNumberTheFirstTurnsOfAConversationFromOne()
    {
        var appended = TranscriptPlacement.Place([], _transcript).AppendTo("conv_placement", _start);

        Assert.That(appended.Select(t => t.SequenceNumber), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void ShouldNumberAppendedTurnsAfterTheLastStoredTurn()
    {
        var appended = TranscriptPlacement.Place(Stored(0, 1, 3), _transcript).AppendTo("conv_placement", _start);

        Assert.That(appended.Select(t => (t.SequenceNumber, t.MessageText)), Is.EqualTo(new[]
        {
            (4, "Yes."), (5, "Did a mechanic sign it off?"), (6, "Yes."),
        }));
    }

    [Test]
    public void ShouldIdentifyAppendedTurnsByTheirEntry()
    {
        var appended = TranscriptPlacement.Place(Stored(0, 1, 3), _transcript).AppendTo("conv_placement", _start);

        Assert.That(appended.Select(t => t.ContentHash), Is.EqualTo(_transcript.Skip(3).Select(t => ContentHash.OfTranscriptEntry("conv_placement", t))));
        Assert.That(appended.Select(t => t.ContentHash), Is.Unique, "the two identical answers");
    }

    private static void AssertCounts(Placement placement, int alreadyStored, int[] unplaced, int notInTranscript) => Assert.Multiple(() =>
    {
        Assert.That(placement.AlreadyStored, Is.EqualTo(alreadyStored), "already stored");
        Assert.That(EntryIndexes(placement.Unplaced), Is.EqualTo(unplaced), "unplaced");
        Assert.That(placement.StoredTurnsNotInTranscript, Is.EqualTo(notInTranscript), "stored turns not in the transcript");
    });

    private static int[] EntryIndexes(IEnumerable<TranscriptTurn> turns) => turns.Select(t => t.EntryIndex).ToArray();

    private static TranscriptTurn Said(int entryIndex, SpeakerType speaker, string message) =>
        new(entryIndex, new Turn(speaker, message, _start.AddSeconds(entryIndex * 2)));

    // What the relay delivered in real time: the same words as the transcript entries, at its own times.
    private static List<Transcription> Stored(params int[] entryIndexes) => entryIndexes
        .Select(entryIndex => _transcript.Single(t => t.EntryIndex == entryIndex))
        .Select((said, i) => StoredTurn(i + 1, said.Turn.Speaker, said.Turn.Message))
        .ToList();

    private static Transcription StoredTurn(int sequenceNumber, SpeakerType speaker, string message) => new()
    {
        ConversationId = "conv_placement", SpeakerType = speaker, MessageText = message, Timestamp = _start.AddSeconds(sequenceNumber * 3 + 1),
        SequenceNumber = sequenceNumber, ContentHash = new string('c', 64), CreatedAt = _start,
    };
}
