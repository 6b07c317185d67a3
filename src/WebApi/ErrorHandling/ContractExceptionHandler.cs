using CallTranscription.Application.Common.Exceptions;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.Logging;
using Microsoft.AspNetCore.Diagnostics;

namespace CallTranscription.WebApi.ErrorHandling;

/// <summary>
/// Maps every failure to the contract's error shape. 4xx is final for the sender; 5xx tells it to retry.
/// Bodies never carry exception text: it may hold SQL or connection details. The request's log line
/// (<see cref="RequestLogInterceptor"/>) records the error; the framework logs a 5xx's exception.
/// </summary>
internal sealed class ContractExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (statusCode, error) = exception switch
        {
            ValidationException validation => (StatusCodes.Status400BadRequest, ErrorResponse.Of(
                ErrorResponse.InvalidPayload, string.Join(" ", validation.Errors.SelectMany(e => e.Value)))),
            CallEndedException => (StatusCodes.Status409Conflict, ErrorResponse.Of(
                "Call already ended",
                "The call has ended and its post-call transcript is stored; this turn is not one of its turns and was not stored.")),
            RequestRejectedException rejected => (rejected.StatusCode, ErrorResponse.Of(rejected.Message, rejected.Details)),
            BadHttpRequestException badRequest => (badRequest.StatusCode, ErrorResponse.Of(
                badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
                "The request body could not be read.")),
            _ => (StatusCodes.Status500InternalServerError, ErrorResponse.Of(
                "Internal server error",
                "The transcription was not stored. Retry the delivery.")),
        };

        // A refusal of ours (the post-call webhook while it is off) is told in its own words, without a stack trace.
        var failure = statusCode >= StatusCodes.Status500InternalServerError && exception is not RequestRejectedException;
        httpContext.WebhookLog().Error = failure ? exception.GetType().Name : error.Details;

        httpContext.Response.StatusCode = statusCode;
        await httpContext.Response.WriteAsJsonAsync(error, cancellationToken);
        return true;
    }
}
