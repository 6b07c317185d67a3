using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace CallTranscription.WebApi.ErrorHandling;

/// <summary>
/// Gives the contract's error shape to error responses that would leave with no body: no endpoint at the path (404), a
/// method the endpoint does not take (405), a body that is not application/json (415).
/// </summary>
internal static class EmptyErrorBodies
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var error = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ErrorResponse.Of("Not found", "Nothing is served at this path; turns go to POST /webhooks/elevenlabs/transcription."),
            StatusCodes.Status405MethodNotAllowed => ErrorResponse.Of("Method not allowed", $"{http.Request.Method} is not accepted at this path."),
            StatusCodes.Status415UnsupportedMediaType => ErrorResponse.Of("Unsupported media type", JsonBody.MediaTypeDetails),
            var status => ErrorResponse.Of(ReasonPhrases.GetReasonPhrase(status), "The request was not handled."),
        };

        if (http.Features.Get<WebhookRequestLog>() is { Error: null } log)
        {
            log.Error = error.Details;
        }

        await http.Response.WriteAsJsonAsync(error, http.RequestAborted);
    }
}
