using CallTranscription.Application.Common.Exceptions;
using CallTranscription.WebApi.Webhooks;
using Microsoft.AspNetCore.Diagnostics;

namespace CallTranscription.WebApi.ErrorHandling;

/// <summary>
/// Maps every failure to the contract's error shape. 4xx is final for the sender; 5xx tells it to retry.
/// Bodies never carry exception text: it may hold SQL or connection details.
/// </summary>
internal sealed partial class ContractExceptionHandler(ILogger<ContractExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (statusCode, error) = exception switch
        {
            ValidationException validation => (StatusCodes.Status400BadRequest, ErrorResponse.Of(
                "Invalid transcription payload",
                string.Join(" ", validation.Errors.SelectMany(e => e.Value)))),
            RequestRejectedException rejected => (rejected.StatusCode, ErrorResponse.Of(rejected.Message, rejected.Details)),
            BadHttpRequestException badRequest => (badRequest.StatusCode, ErrorResponse.Of(
                badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
                "The request body could not be read.")),
            _ => (StatusCodes.Status500InternalServerError, ErrorResponse.Of(
                "Internal server error",
                "The transcription was not stored. Retry the delivery.")),
        };

        var conversationId = httpContext.GetConversationId();
        if (statusCode >= StatusCodes.Status500InternalServerError)
        {
            LogFailed(exception, conversationId, exception.GetType().Name);
        }
        else
        {
            LogRejected(conversationId, statusCode, error.Details);
        }

        httpContext.Response.StatusCode = statusCode;
        await httpContext.Response.WriteAsJsonAsync(error, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected transcription for conversation {ConversationId} with {StatusCode}: {Error}")]
    private partial void LogRejected(string? conversationId, int statusCode, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to store transcription for conversation {ConversationId}: {Error}")]
    private partial void LogFailed(Exception exception, string? conversationId, string error);
}
