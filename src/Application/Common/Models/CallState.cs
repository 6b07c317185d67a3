using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Common.Models;

/// <summary>
/// What a handler that only reads a conversation's call sees of it, as stored: a copy, so nothing done with it changes
/// the call. To change the call, take it with <see cref="ICallRepository.FindForUpdateAsync"/>.
/// </summary>
public sealed record CallState(CallStatus Status, int? DriverId)
{
    public bool HasEnded => Status.HasEnded();
}
