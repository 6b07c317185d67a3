using CallTranscription.Application.Transcriptions.Common;
using MediatR;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

/// <summary>One dialogue turn as ElevenLabs delivered it; fields stay raw strings until the validator has passed them.</summary>
public sealed record SaveTranscriptionCommand(
    string? ConversationId,
    string? Speaker,
    string? Message,
    string? Timestamp) : IRequest<SaveTranscriptionResult>
{
    private readonly string? _timestamp = Timestamp;

    public string? Timestamp
    {
        get => _timestamp;
        init => (_timestamp, ParsedTimestamp) = (value, TurnTimestamp.Parse(value));
    }

    /// <summary>
    /// <see cref="Timestamp"/> in UTC, read once for the validator and the handler alike; null when it is not ISO-8601.
    /// Set with it, so a copy made <c>with</c> another timestamp reads that one.
    /// </summary>
    internal DateTimeOffset? ParsedTimestamp { get; private init; } = TurnTimestamp.Parse(Timestamp);
}
