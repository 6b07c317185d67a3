namespace CallTranscription.Domain.Drivers;

/// <summary>Written when a violation call is placed through ElevenLabs; ties a conversation to its driver.</summary>
public sealed class ElevenLabsCallRecord
{
    public int Id { get; private set; }

    public required string ConversationId { get; init; }

    public required int DriverId { get; init; }

    public required string PhoneNumber { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
