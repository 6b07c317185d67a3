namespace CallTranscription.Domain.Transcriptions;

/// <summary>
/// Where each turn of a post-call transcript belongs among the turns already stored
/// (docs/decisions/0016-post-call-transcript-placement.md). Stored turns keep their numbers, so a transcript turn is
/// already stored, appended after the last stored turn, or unplaced: it would fall between stored turns.
/// </summary>
public static class TranscriptPlacement
{
    /// <param name="stored">The conversation's stored turns, by sequence number.</param>
    /// <param name="transcript">The transcript's turns, in order.</param>
    public static Placement Place(IReadOnlyList<Transcription> stored, IReadOnlyList<TranscriptTurn> transcript)
    {
        // Each stored turn, in order, takes the earliest transcript turn after the previous match that says the same.
        var matched = new bool[transcript.Count];
        var next = 0;
        var lastStoredAt = -1;
        var notInTranscript = 0;
        foreach (var turn in stored)
        {
            var at = IndexOfSame(transcript, turn, next);
            if (at < 0)
            {
                notInTranscript++;
                lastStoredAt = -1;
                continue;
            }

            matched[at] = true;
            next = at + 1;
            lastStoredAt = at;
        }

        // Only what follows the last stored turn's own match is certainly after it; with nothing stored, all of it is.
        var appendFrom = stored.Count == 0 ? 0 : lastStoredAt < 0 ? transcript.Count : lastStoredAt + 1;
        return new Placement(
            AlreadyStored: matched.Count(m => m),
            Appended: transcript.Skip(appendFrom).ToList(),
            Unplaced: transcript.Take(appendFrom).Where((_, i) => !matched[i]).ToList(),
            StoredTurnsNotInTranscript: notInTranscript,
            LastSequenceNumber: stored.Count == 0 ? 0 : stored[^1].SequenceNumber);
    }

    private static int IndexOfSame(IReadOnlyList<TranscriptTurn> transcript, Transcription stored, int from)
    {
        for (var i = from; i < transcript.Count; i++)
        {
            if (stored.Says(transcript[i].Turn))
            {
                return i;
            }
        }

        return -1;
    }
}
