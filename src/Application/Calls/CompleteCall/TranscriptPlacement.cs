using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Calls.CompleteCall;

/// <summary>
/// Where each turn of a post-call transcript belongs among the turns already stored
/// (docs/decisions/0016-post-call-transcript-placement.md). Stored turns keep their numbers, so a transcript turn is
/// already stored, appended after the last stored turn, or unplaced: it would fall between stored turns.
/// </summary>
public static class TranscriptPlacement
{
    public static Placement Place(IReadOnlyList<Transcription> stored, IReadOnlyList<TranscriptTurn> transcript)
    {
        if (stored.Count == 0)
        {
            return new Placement(AlreadyStored: 0, Appended: transcript, Unplaced: [], StoredTurnsNotInTranscript: 0);
        }

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

        // Only what follows the last stored turn's own match is certainly after it.
        var appendFrom = lastStoredAt < 0 ? transcript.Count : lastStoredAt + 1;
        var unplaced = transcript.Take(appendFrom).Where((_, i) => !matched[i]).ToList();
        return new Placement(
            AlreadyStored: matched.Count(m => m),
            Appended: transcript.Skip(appendFrom).ToList(),
            Unplaced: unplaced,
            StoredTurnsNotInTranscript: notInTranscript);
    }

    private static int IndexOfSame(IReadOnlyList<TranscriptTurn> transcript, Transcription stored, int from)
    {
        for (var i = from; i < transcript.Count; i++)
        {
            if (SpokenText.Same(stored, transcript[i].Speaker, transcript[i].Message))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <param name="AlreadyStored">Transcript turns that are stored turns.</param>
/// <param name="Appended">Transcript turns after the last stored turn, in order: stored as the next numbers.</param>
/// <param name="Unplaced">Transcript turns that would fall between stored turns, or whose place is unknown: not stored.</param>
/// <param name="StoredTurnsNotInTranscript">Stored turns that say nothing the transcript says at their place.</param>
public sealed record Placement(
    int AlreadyStored,
    IReadOnlyList<TranscriptTurn> Appended,
    IReadOnlyList<TranscriptTurn> Unplaced,
    int StoredTurnsNotInTranscript);
