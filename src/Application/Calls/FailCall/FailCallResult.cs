using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Calls.FailCall;

/// <param name="CallEnded">True when this event ended the call; false when it had already ended.</param>
/// <param name="CallStarted">True when this event created the call.</param>
public sealed record FailCallResult(string ConversationId, CallStatus CallStatus, bool CallEnded, bool CallStarted = false);
