using System.Text.Json.Serialization;

namespace CallTranscription.WebApi.ErrorHandling;

public sealed record ErrorResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details")] string Details)
{
    /// <summary>The message of every 400 about the body, on both webhooks.</summary>
    public const string InvalidPayload = "Invalid transcription payload";

    public static ErrorResponse Of(string message, string details) => new("error", message, details);
}

public static class ErrorResponses
{
    /// <summary>Declares the contract's error shape for each status, in the endpoint's OpenAPI operation.</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder endpoint, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            endpoint.Produces<ErrorResponse>(statusCode);
        }

        return endpoint;
    }
}
