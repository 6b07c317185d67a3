using CallTranscription.Application.Common.Exceptions;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace CallTranscription.WebApi.ErrorHandling;

/// <summary>
/// Every error in the contract's shape, written for the framework's exception handler and its status-code pages alike
/// (a response that would leave with no body: 404, 405, 415). 4xx is final for the sender; 5xx tells it to retry.
/// Bodies never carry exception text: it may hold SQL or connection details. The request's log line
/// (<see cref="RequestLogInterceptor"/>) records the error; the framework logs a 5xx's exception.
/// </summary>
internal sealed class ContractErrorWriter : IProblemDetailsWriter
{
    public static int StatusCodeOf(Exception exception) => exception switch
    {
        ValidationException => StatusCodes.Status400BadRequest,
        CallEndedException => StatusCodes.Status409Conflict,
        RequestRejectedException rejected => rejected.StatusCode,
        BadHttpRequestException badRequest => badRequest.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var statusCode = http.Response.StatusCode;
        var error = context.Exception switch
        {
            ValidationException validation => ErrorResponse.Of(ErrorResponse.InvalidPayload, string.Join(" ", validation.Errors.SelectMany(e => e.Value))),
            CallEndedException => ErrorResponse.Of(
                "Call already ended",
                "The call has ended and its post-call transcript is stored; this turn is not one of its turns and was not stored."),
            RequestRejectedException rejected => ErrorResponse.Of(rejected.Message, rejected.Details),
            // Only the webhooks read a body, each within the size limit it declares.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ErrorResponse.Of(
                "Payload too large",
                $"This webhook takes a body of at most {context.AdditionalMetadata?.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize} bytes."),
            BadHttpRequestException => ErrorResponse.Of("Bad request", "The request body could not be read."),
            not null => ErrorResponse.Of("Internal server error", "The transcription was not stored. Retry the delivery."),
            null => statusCode switch
            {
                StatusCodes.Status404NotFound => ErrorResponse.Of("Not found", "Nothing is served at this path; turns go to POST /webhooks/elevenlabs/transcription."),
                StatusCodes.Status405MethodNotAllowed => ErrorResponse.Of("Method not allowed", $"{http.Request.Method} is not accepted at this path."),
                StatusCodes.Status415UnsupportedMediaType => ErrorResponse.Of("Unsupported media type", JsonBody.MediaTypeDetails),
                _ => ErrorResponse.Of(ReasonPhrases.GetReasonPhrase(statusCode), "The request was not handled."),
            },
        };

        // A refusal of ours (the post-call webhook while it is off) is told in its own words, without a stack trace.
        var failure = statusCode >= StatusCodes.Status500InternalServerError && context.Exception is not (null or RequestRejectedException);
        http.WebhookLog().Error ??= failure ? context.Exception!.GetType().Name : error.Details;
        return new(http.Response.WriteAsJsonAsync(error, http.RequestAborted));
    }
}
