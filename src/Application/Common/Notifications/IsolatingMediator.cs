using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Common.Notifications;

/// <summary>
/// Runs every notification handler even when one fails, and logs the failure: subscribers are extensions, and one
/// broken extension must neither silence the others nor fail the request that published.
/// </summary>
public sealed partial class IsolatingMediator(ServiceFactory serviceFactory, ILogger<IsolatingMediator> logger) : Mediator(serviceFactory)
{
    // MediatR 5 hands over the handlers as a lazy sequence: each task starts when the enumerator reaches it,
    // so a handler that throws synchronously throws from MoveNext.
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        using var handlers = allHandlers.GetEnumerator();
        while (true)
        {
            try
            {
                if (!handlers.MoveNext())
                {
                    return;
                }

                await handlers.Current;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification handler failed; the other handlers still ran")]
    private partial void LogHandlerFailed(Exception exception);
}
