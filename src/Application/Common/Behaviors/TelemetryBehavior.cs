using System.Diagnostics;
using CallTranscription.Application.Common.Exceptions;
using CallTranscription.Application.Common.Telemetry;
using MediatR;

namespace CallTranscription.Application.Common.Behaviors;

/// <summary>
/// A span per command (named by it, with the conversation id) and the command's events on the service's instruments.
/// Outermost, so a refused command has its span too. A failure is recorded by exception type only: messages may carry
/// personal data.
/// </summary>
public sealed class TelemetryBehavior<TRequest, TResponse>(CallTranscriptionTelemetry telemetry, TimeProvider timeProvider)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string _command = typeof(TRequest).Name is var name && name.EndsWith("Command", StringComparison.Ordinal)
        ? name[..^"Command".Length]
        : name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = CallTranscriptionTelemetry.ActivitySource.StartActivity(_command);
        activity?.SetTag(CallTranscriptionTelemetry.ConversationIdAttribute, CommandEvents.ConversationIdOf(request));
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await next();
            telemetry.UnitOfWorkDone(_command, CommandEvents.Record(response, telemetry), timeProvider.GetElapsedTime(started));
            return response;
        }
        catch (Exception exception)
        {
            var type = exception.GetType();
            activity?.SetStatus(ActivityStatusCode.Error, type.FullName).SetTag("error.type", type.FullName);
            if (exception is not ValidationException)
            {
                telemetry.UnitOfWorkDone(_command, TelemetryValues.Failed, timeProvider.GetElapsedTime(started));
            }

            throw;
        }
    }
}
