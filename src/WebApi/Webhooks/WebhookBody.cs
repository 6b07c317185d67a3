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

        var reader = request.BodyReader;
        while (true)
        {
            var result = await ReadAsync(reader, maxBytes, cancellationToken);
            var buffered = result.Buffer;
            if (buffered.Length > maxBytes)
            {
                reader.AdvanceTo(buffered.End);
                throw TooLarge(maxBytes);
            }

            if (!result.IsCompleted)
            {
                reader.AdvanceTo(buffered.Start, buffered.End);
                continue;
            }

            var bytes = buffered.ToArray();
            reader.AdvanceTo(buffered.End);
            return bytes;
        }
    }

    // Kestrel enforces the size limit itself on a body without Content-Length (chunked); answer it in the same words.
    private static async ValueTask<ReadResult> ReadAsync(PipeReader reader, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
    }

    private static RequestRejectedException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A transcription body is at most {maxBytes} bytes.");
}
