namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>One conversation of the Conversations API's list.</summary>
public sealed record ConversationSummary(string ConversationId, string? Status, double? StartTimeUnixSecs);
