using System.Buffers;
using System.IO.Pipelines;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Serialization;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>A small webhook body, read whole where Kestrel buffered it, for the signature check and then the serializer.</summary>
public static class WebhookBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        JsonBody.EnsureJsonMediaType(request);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        ReadResult result;
        try
        {
            // One byte over the limit is enough to refuse the body: a host that does not enforce the limit itself (the
            // in-memory test server) is held to it here.
            result = await request.BodyReader.ReadAtLeastAsync(maxBytes + 1, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforces the size limit itself on a body without Content-Length (chunked); answer it in the same words.
            throw TooLarge(maxBytes);
        }

        var buffered = result.Buffer;
        var body = buffered.Length <= maxBytes ? buffered.ToArray() : null;
        request.BodyReader.AdvanceTo(buffered.End);
        return body ?? throw TooLarge(maxBytes);
    }

    private static RequestRejectedException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A transcription body is at most {maxBytes} bytes.");
}
