namespace CallTranscription.Domain.Transcriptions;

/// <summary>One dialogue turn of a call, numbered 1..n within its conversation.</summary>
public sealed class Transcription
{
    public int Id { get; private set; }

    public required string ConversationId { get; init; }

    public required SpeakerType SpeakerType { get; init; }

    public required string MessageText { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required int SequenceNumber { get; init; }

    /// <summary>Fingerprint of the delivered turn; a unique key, so a redelivery can never be stored twice.</summary>
    public required string ContentHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The conversation's next turn, numbered after <paramref name="lastSequenceNumber"/> (0 when it has none): turns are
    /// numbered 1..n in the order they are stored, and a stored turn keeps its number.
    /// </summary>
    public static Transcription Next(string conversationId, int lastSequenceNumber, Turn turn, string contentHash, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        SpeakerType = turn.Speaker,
        MessageText = turn.Message,
        Timestamp = turn.Timestamp.ToUniversalTime(),
        SequenceNumber = lastSequenceNumber + 1,
        ContentHash = contentHash,
        CreatedAt = now.ToUniversalTime(),
    };

    /// <summary>
    /// Whether this stored turn says what <paramref name="turn"/> says: the same speaker and the same text, leading and
    /// trailing whitespace aside. Nothing looser: a near match is a guess (docs/decisions/0016-post-call-transcript-placement.md).
    /// </summary>
    public bool Says(Turn turn) =>
        SpeakerType == turn.Speaker && MessageText.AsSpan().Trim().SequenceEqual(turn.Message.AsSpan().Trim());
}
