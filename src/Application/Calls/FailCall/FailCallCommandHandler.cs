using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Calls.FailCall;

public sealed partial class FailCallCommandHandler(
    ICallRepository calls,
    CallStarter callStarter,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider,
    ILogger<FailCallCommandHandler> logger)
    : IRequestHandler<FailCallCommand, FailCallResult>
{
    public async Task<FailCallResult> Handle(FailCallCommand request, CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId!;
        var failedAt = UnixTime.ToUtc(request.EventTimestamp!.Value);
        var result = await unitOfWork.ExecuteAsync(async ct =>
        {
            var now = timeProvider.GetUtcNow();
            var existing = await calls.FindForUpdateAsync(conversationId, ct);
            var call = existing ?? await callStarter.StartAsync(conversationId, failedAt, now, ct);
            var ended = call.Fail(failedAt, now);
            return new FailCallResult(conversationId, call.Status, ended, CallStarted: existing is null);
        }, cancellationToken);

        // ElevenLabs' reason is a word (busy, no-answer); anything else could be a SIP error quoting a phone number.
        var reason = request.FailureReason is { Length: > 0 and <= 64 } word && word.All(c => char.IsAsciiLetter(c) || c is '-' or '_' or ' ')
            ? word
            : "reason not shown";
        if (result.CallEnded)
        {
            LogFailed(conversationId, reason);
        }
        else
        {
            LogAlreadyEnded(conversationId, reason, result.CallStatus);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {ConversationId} never connected ({FailureReason}); it is failed")]
    private partial void LogFailed(string conversationId, string failureReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {ConversationId} reported as never connected ({FailureReason}) had already ended as {CallStatus}; it stays so")]
    private partial void LogAlreadyEnded(string conversationId, string failureReason, CallStatus callStatus);
}
