using System.Buffers;
using CallTranscription.WebApi.Serialization;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>A small webhook body, read whole where Kestrel buffered it, for the signature check and then the serializer.</summary>
public static class WebhookBody
{
    /// <exception cref="BadHttpRequestException">413 for a body over <paramref name="maxBytes"/>, as Kestrel throws it.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        JsonBody.EnsureJsonMediaType(request);

        // Kestrel refuses a body over the endpoint's limit itself; one byte over is enough to refuse it on a host that
        // does not (the in-memory test server).
        var result = await request.BodyReader.ReadAtLeastAsync(maxBytes + 1, cancellationToken);
        var body = result.Buffer.Length <= maxBytes ? result.Buffer.ToArray() : null;
        request.BodyReader.AdvanceTo(result.Buffer.End);
        return body ?? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
    }
}
