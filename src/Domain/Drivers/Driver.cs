namespace CallTranscription.Domain.Drivers;

public sealed class Driver
{
    public int Id { get; private set; }

    public required string FullName { get; init; }

    /// <summary>E.164, normalized by <see cref="PhoneNumber.Normalize"/>.</summary>
    public required string PhoneNumber { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
