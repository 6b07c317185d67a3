using MediatR;

namespace CallTranscription.Application.Calls.CompleteCall;

/// <summary>
/// ElevenLabs' <c>post_call_transcription</c>: the call is over and this is its whole transcript. Fields stay as sent
/// until the validator has passed them.
/// </summary>
public sealed record CompleteCallCommand(
    string? ConversationId,
    string? Status,
    double? StartTimeUnixSecs,
    double? CallDurationSecs,
    IReadOnlyList<TranscriptEntry> Transcript) : IRequest<CompleteCallResult>
{
    /// <summary>The <c>data.status</c> that makes the call failed rather than completed.</summary>
    public const string FailedStatus = "failed";
}
