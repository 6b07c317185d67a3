namespace CallTranscription.Domain.Calls;

/// <summary>One ElevenLabs conversation with a driver; created by its first dialogue turn.</summary>
public sealed class Call
{
    public int Id { get; private set; }

    public required string ConversationId { get; init; }

    public int? DriverId { get; init; }

    public required DateTimeOffset CallStartTime { get; init; }

    public DateTimeOffset? CallEndTime { get; set; }

    public CallStatus Status { get; set; } = CallStatus.InProgress;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public static Call StartedBy(string conversationId, int? driverId, DateTimeOffset firstTurnAt, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        DriverId = driverId,
        CallStartTime = firstTurnAt.ToUniversalTime(),
        Status = CallStatus.InProgress,
        CreatedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
    };
}
