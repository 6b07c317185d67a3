using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Calls.Common;

/// <summary>Creates a conversation's call when the first word of it arrives, with the driver the call was placed to.</summary>
public sealed partial class CallStarter(ICallRepository calls, IDriverLookup drivers, ILogger<CallStarter> logger)
{
    public async Task<Call> StartAsync(string conversationId, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var driverId = await drivers.FindDriverIdByConversationIdAsync(conversationId, cancellationToken);
        if (driverId is null)
        {
            LogDriverNotFound(conversationId);
        }

        var call = Call.StartedBy(conversationId, driverId, startedAt, now);
        calls.Add(call);
        return call;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ElevenLabs call record for conversation {ConversationId}; the call is stored without a driver")]
    private partial void LogDriverNotFound(string conversationId);
}
