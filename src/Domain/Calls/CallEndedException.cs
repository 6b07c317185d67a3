namespace CallTranscription.Domain.Calls;

/// <summary>
/// A turn arrived for a call whose post-call webhook has ended it, and it is not one of the turns stored: the
/// conversation is complete, and a turn that cannot be placed is not guessed into it.
/// </summary>
public sealed class CallEndedException(string conversationId, CallStatus status)
    : Exception($"Call {conversationId} has ended ({status}); the turn is not one of its turns.")
{
    public string ConversationId { get; } = conversationId;

    public CallStatus Status { get; } = status;
}
