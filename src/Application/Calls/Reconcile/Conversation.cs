using CallTranscription.Application.Calls.CompleteCall;

namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>
/// A conversation as ElevenLabs' Conversations API reports it: the same shape as the post-call webhook's <c>data</c>,
/// with only the fields the service reads. Fields stay as sent until the command's validator has passed them.
/// </summary>
public sealed record Conversation(
    string? ConversationId,
    string? Status,
    double? StartTimeUnixSecs,
    double? CallDurationSecs,
    string? TerminationReason,
    IReadOnlyList<TranscriptEntry> Transcript);
