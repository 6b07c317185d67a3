using System.IO.Pipelines;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Serialization;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// Reads a post-call event's body once, as it arrives: every byte goes through the signature check, and the body is
/// kept only while it may be an event the service reads. The type is looked for at the start of the body, where
/// ElevenLabs writes it; once it names an event the service does not read (audio: tens of MB of base64), the rest
/// streams through the check and is dropped, so memory stays bounded whatever the size (ADR 0017).
/// </summary>
public static class PostCallBody
{
    /// <summary>The largest body accepted at all: hours of audio, base64.</summary>
    public const long MaxBodyBytes = 1L << 30;

    /// <summary>The largest event kept to be read (a transcript); an hour-long call's is a few MB.</summary>
    public const int MaxReadBodyBytes = 32 << 20;

    /// <summary>How far into the body the type is looked for.</summary>
    public const int TypeSearchBytes = 64 << 10;

    /// <summary>The event, once the whole body has arrived and its signature matched (401 otherwise, before any 400).</summary>
    public static async Task<PostCallEvent> ReadAsync(HttpRequest request, SignatureCheck signature, CancellationToken cancellationToken)
    {
        JsonBody.EnsureJsonMediaType(request);
        var kept = new MemoryStream();
        string? type = null;
        ReadResult result;
        do
        {
            result = await request.BodyReader.ReadAsync(cancellationToken);
            foreach (var segment in result.Buffer)
            {
                signature.Append(segment.Span);
                kept?.Write(segment.Span);
            }

            var keptBefore = kept?.Length - result.Buffer.Length;
            request.BodyReader.AdvanceTo(result.Buffer.End);
            if (type is null && keptBefore < TypeSearchBytes)
            {
                type = JsonBody.TopLevelString(kept!.GetBuffer().AsSpan(0, (int)Math.Min(kept.Length, TypeSearchBytes)), "type"u8);
            }

            if (type is not null && !PostCallEventTypes.IsRead(type))
            {
                kept = null;
            }
            else if (kept?.Length > MaxReadBodyBytes)
            {
                // Answered now rather than after the rest of its body.
                throw TooLarge(type);
            }
        }
        while (!result.IsCompleted);

        signature.Finish();
        if (kept is null)
        {
            return new PostCallEvent(type!);
        }

        var read = JsonBody.Read(kept.GetBuffer().AsSpan(0, (int)kept.Length), WebApiJsonContext.Default.PostCallEvent);
        return read.Type is not null ? read : throw JsonBody.Invalid("type is required.");
    }

    private static RequestRejectedException TooLarge(string? type) => new(
        StatusCodes.Status413PayloadTooLarge,
        "Payload too large",
        type is null
            ? $"A post-call event whose type is not within its first {TypeSearchBytes} bytes is at most {MaxReadBodyBytes} bytes."
            : $"A {type} event is at most {MaxReadBodyBytes} bytes.");
}
