using System.Buffers;
using System.Text.Json;
using CallTranscription.WebApi.ErrorHandling;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// Reads a post-call event's body once, in chunks: every byte goes through the signature check and the envelope
/// scanner, and only the events the service reads are kept. An audio event is discarded as it arrives, so memory stays
/// bounded whatever the body's size.
/// </summary>
public static class PostCallRequestReader
{
    /// <summary>The largest body accepted at all: hours of audio, base64.</summary>
    public const long MaxBodyBytes = 1L << 30;

    /// <summary>The largest event kept to be read (a transcript); an hour-long call's is a few MB.</summary>
    public const int MaxReadBodyBytes = 32 << 20;

    private const int ChunkBytes = 64 << 10;
    private const string NotAnEnvelope =
        "The body is not an ElevenLabs webhook event: a JSON object with a string type, a numeric event_timestamp and an object data.";

    /// <summary>The event, once the whole body has arrived and its signature matched (401 otherwise, before any 400).</summary>
    public static async Task<PostCallEvent> ReadAsync(HttpRequest request, SignatureCheck signature, CancellationToken cancellationToken)
    {
        var scanner = new EnvelopeScanner();
        MemoryStream? kept = new();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                var bytes = chunk.AsSpan(0, read);
                signature.Append(bytes);
                scanner.Feed(bytes);
                // Kept only while it may be an event the service reads, and up to the limit.
                if (kept is not null && ((scanner.Type is { } type && !PostCallEventTypes.IsRead(type)) || kept.Length + read > MaxReadBodyBytes))
                {
                    kept = null;
                }

                kept?.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        signature.Finish();
        if (kept is not null)
        {
            return Parse(kept.GetBuffer().AsMemory(0, (int)kept.Length));
        }

        if (scanner.IsMalformed)
        {
            throw Reject(NotAnEnvelope);
        }

        if (scanner.Type is { } discarded && !PostCallEventTypes.IsRead(discarded))
        {
            return scanner.IsEnvelope ? new PostCallEvent(discarded, document: null) : throw Reject(NotAnEnvelope);
        }

        // Over the limit, and an event the service reads (or one whose type only a full parse could tell).
        throw scanner.TypeIsUndecidable || scanner.Type is not null
            ? new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"A {scanner.Type ?? "post-call"} event is at most {MaxReadBodyBytes} bytes.")
            : Reject(NotAnEnvelope);
    }

    private static PostCallEvent Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw Reject($"The body is not valid JSON: {exception.Message}");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("event_timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number
            || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw Reject(NotAnEnvelope);
        }

        var eventType = type.GetString()!;
        if (PostCallEventTypes.IsRead(eventType))
        {
            return new PostCallEvent(eventType, document);
        }

        document.Dispose();
        return new PostCallEvent(eventType, document: null);
    }

    internal static RequestRejectedException Reject(string details) => new(StatusCodes.Status400BadRequest, "Invalid webhook payload", details);
}
