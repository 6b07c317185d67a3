using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Unicode;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Logging;
using Microsoft.Net.Http.Headers;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>
/// Turns the raw body into a command. Parsed by hand rather than model-bound so that every malformed body
/// gets the contract's error shape and names the offending field.
/// </summary>
public static class TranscriptionRequestReader
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxJsonDepth = 8;
    private const string InvalidPayload = "Invalid transcription payload";
    private static readonly string[] _fields = ["conversation_id", "speaker", "message", "timestamp"];
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The raw body, once its media type, size and encoding are acceptable.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        EnsureJsonContentType(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        // Read where Kestrel buffered it: a turn's body is a few hundred bytes, copied once.
        var reader = request.BodyReader;
        while (true)
        {
            var result = await ReadAsync(reader, cancellationToken);
            var buffered = result.Buffer;
            if (buffered.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffered.End);
                throw TooLarge();
            }

            if (!result.IsCompleted)
            {
                reader.AdvanceTo(buffered.Start, buffered.End);
                continue;
            }

            var bytes = buffered.ToArray();
            reader.AdvanceTo(buffered.End);
            return Utf8.IsValid(bytes) ? bytes : throw Reject("The body is not valid UTF-8.");
        }
    }

    // Kestrel enforces the size limit itself on a body without Content-Length (chunked); answer it in the same words.
    private static async ValueTask<ReadResult> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
    }

    /// <summary>The command, once every field is a string or absent; the conversation is named in the request's log
    /// as soon as it is read, so that a refusal of another field still says whose turn it was.</summary>
    public static SaveTranscriptionCommand ToCommand(byte[] body, WebhookRequestLog log)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Reject("The body must be a JSON object with conversation_id, speaker, message and timestamp.");
        }

        var values = new Dictionary<string, string?>();
        var problems = new List<string>();
        var wronglyTyped = false;
        foreach (var field in _fields)
        {
            if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                values[field] = null;
                problems.Add($"{field} is required.");
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                values[field] = ReadString(value, field);
            }
            else
            {
                wronglyTyped = true;
                problems.Add($"{field} must be a string, not {JsonKind(value.ValueKind)}.");
            }
        }

        log.ConversationId = values.GetValueOrDefault("conversation_id");

        // A wrongly typed field is refused here, before validation, so the missing ones are named with it.
        if (wronglyTyped)
        {
            throw Reject(string.Join(" ", problems));
        }

        return new SaveTranscriptionCommand(values["conversation_id"], values["speaker"], values["message"], values["timestamp"]);
    }

    private static string JsonKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string ReadString(JsonElement value, string field)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no valid text.
            throw Reject($"{field} is not valid Unicode text.");
        }
    }

    private static void EnsureJsonContentType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new RequestRejectedException(
                StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the turn as Content-Type: application/json (UTF-8).");
        }
    }

    private static JsonDocument Parse(byte[] body)
    {
        // JSON may not begin with a byte order mark, but a parser may ignore one (RFC 8259), and some senders write it.
        var json = body.AsMemory();
        if (json.Span.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        if (json.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw Reject("The body is empty; send a JSON object with conversation_id, speaker, message and timestamp.");
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            // The parser's own text names .NET internals (isFinalBlock, BytePositionInLine); say where, in our words.
            // A property name given twice is reported without a position.
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, byte {exception.BytePositionInLine + 1}" : "";
            throw Reject($"The body is not valid JSON{where}: a syntax error, a property name given twice, or nesting deeper than {MaxJsonDepth}.");
        }
    }

    private static RequestRejectedException Reject(string details) =>
        new(StatusCodes.Status400BadRequest, InvalidPayload, details);

    private static RequestRejectedException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A transcription body is at most {MaxBodyBytes} bytes.");
}
