using CallTranscription.WebApi.ErrorHandling;

namespace CallTranscription.WebApi.OpenApi;

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
