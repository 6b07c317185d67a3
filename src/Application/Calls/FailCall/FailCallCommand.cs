using MediatR;

namespace CallTranscription.Application.Calls.FailCall;

/// <summary>ElevenLabs' <c>call_initiation_failure</c>: the call never connected (busy, declined, no answer).</summary>
public sealed record FailCallCommand(string? ConversationId, string? FailureReason, double? EventTimestamp) : IRequest<FailCallResult>;
