using CallTranscription.Application.Common.Exceptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Common.Notifications;

/// <summary>
/// Runs every notification handler, one after another in registration order, even when one fails, and logs the
/// failure: subscribers are extensions, and one broken extension must neither silence the others nor fail the request
/// that published. Requests go through MediatR's own mediator.
/// </summary>
public sealed partial class IsolatingMediator(ServiceFactory serviceFactory, ILogger<IsolatingMediator> logger) : IMediator
{
    private readonly Mediator _requests = new(serviceFactory);

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        _requests.Send(request, cancellationToken);

    public async Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var handler in serviceFactory.GetInstances<INotificationHandler<TNotification>>())
        {
            try
            {
                await handler.Handle(notification, cancellationToken);
            }
            catch (Exception exception) when (!exception.IsCancellationBy(cancellationToken))
            {
                LogHandlerFailed(exception, handler.GetType().Name, notification);
            }
        }
    }

    // The notification itself, so the line says which turn in any log format: notifications carry ids, never text.
    [LoggerMessage(Level = LogLevel.Error, Message = "Notification handler {Handler} failed on {Notification}; the other handlers still ran")]
    private partial void LogHandlerFailed(Exception exception, string handler, object notification);
}
