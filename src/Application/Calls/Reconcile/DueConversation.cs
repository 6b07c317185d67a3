namespace CallTranscription.Application.Calls.Reconcile;

/// <param name="FirstSeenAt">When the service first knew of it: the call's or the call record's creation.</param>
/// <param name="QuietSince">When the last thing arrived for it: its last stored turn, else <paramref name="FirstSeenAt"/>.</param>
/// <param name="NextCheckAt">When its last check said to check it again; null when it was never checked.</param>
public sealed record DueConversation(string ConversationId, DateTimeOffset FirstSeenAt, DateTimeOffset QuietSince, DateTimeOffset? NextCheckAt);
