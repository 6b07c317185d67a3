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
}
