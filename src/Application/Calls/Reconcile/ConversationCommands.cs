using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.FailCall;

namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>The post-call webhook's commands, built from the API's conversation as the webhook builds them from <c>data</c>.</summary>
public static class ConversationCommands
{
    public static CompleteCallCommand CompleteCall(Conversation conversation) => new(
        conversation.ConversationId,
        conversation.Status,
        conversation.StartTimeUnixSecs,
        conversation.CallDurationSecs,
        conversation.Transcript);

    /// <summary>A failed conversation with neither a duration nor a transcript never connected: it fails like call_initiation_failure.</summary>
    public static bool NeverConnected(Conversation conversation) =>
        conversation.Status == ConversationStatus.Failed && conversation.CallDurationSecs is null && conversation.Transcript.Count == 0;

    public static FailCallCommand FailCall(Conversation conversation) => new(
        conversation.ConversationId,
        conversation.TerminationReason,
        conversation.StartTimeUnixSecs);
}
