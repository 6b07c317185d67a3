namespace CallTranscription.Domain.Drivers;

public sealed class Driver
{
    public int Id { get; private set; }

    public required string FullName { get; init; }

    /// <summary>E.164 (<c>+15550104477</c>), as the system that places the calls writes it; this service only reads drivers.</summary>
    public required string PhoneNumber { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
