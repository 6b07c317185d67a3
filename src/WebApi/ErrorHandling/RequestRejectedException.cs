namespace CallTranscription.WebApi.ErrorHandling;

/// <summary>The HTTP request itself is unacceptable (media type, encoding, JSON shape), before any command exists.</summary>
public sealed class RequestRejectedException(int statusCode, string message, string details) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Details { get; } = details;
}
