using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Calls.Reconcile;

/// <param name="FirstSeenAt">When the service first knew of it: the call's or the call record's creation.</param>
/// <param name="QuietSince">When the last thing arrived for it: its last stored turn, else <paramref name="FirstSeenAt"/>.</param>
/// <param name="Check">When it was checked and is checked next; null when it was never checked.</param>
public sealed record DueConversation(string ConversationId, DateTimeOffset FirstSeenAt, DateTimeOffset QuietSince, ConversationCheck? Check)
{
    public bool IsDue(DateTimeOffset now) => Check?.IsDue(now, QuietSince) ?? true;
}
