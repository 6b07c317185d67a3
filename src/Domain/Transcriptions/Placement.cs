namespace CallTranscription.Domain.Transcriptions;

/// <param name="AlreadyStored">Transcript turns that are stored turns.</param>
/// <param name="Appended">Transcript turns after the last stored turn, in order: stored as the next numbers.</param>
/// <param name="Unplaced">Transcript turns that would fall between stored turns, or whose place is unknown: not stored.</param>
/// <param name="StoredTurnsNotInTranscript">Stored turns that say nothing the transcript says at their place.</param>
/// <param name="LastSequenceNumber">The number of the last stored turn, 0 when none is.</param>
public sealed record Placement(
    int AlreadyStored,
    IReadOnlyList<TranscriptTurn> Appended,
    IReadOnlyList<TranscriptTurn> Unplaced,
    int StoredTurnsNotInTranscript,
    int LastSequenceNumber)
{
    /// <summary>The appended turns as the conversation's next turns, each identified by its entry's place.</summary>
    public IReadOnlyList<Transcription> AppendTo(string conversationId, DateTimeOffset now) => Appended
        .Select((entry, i) => Transcription.Next(
            conversationId, LastSequenceNumber + i, entry.Turn, ContentHash.OfTranscriptEntry(conversationId, entry), now))
        .ToList();
}
