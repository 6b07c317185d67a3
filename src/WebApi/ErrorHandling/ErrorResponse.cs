using System.Text.Json.Serialization;

namespace CallTranscription.WebApi.ErrorHandling;

public sealed record ErrorResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details")] string Details)
{
    public static ErrorResponse Of(string message, string details) => new("error", message, details);
}
