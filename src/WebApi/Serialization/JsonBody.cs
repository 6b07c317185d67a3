using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using CallTranscription.WebApi.ErrorHandling;
using Microsoft.Net.Http.Headers;

namespace CallTranscription.WebApi.Serialization;

/// <summary>
/// A webhook's JSON body to its DTO, through the source-generated contract. Whatever is wrong with it is a 400 in the
/// contract's words, the same on both webhooks: the field and the position, never the parser's own text.
/// </summary>
public static class JsonBody
{
    public const int MaxDepth = 32;
    public const string MediaTypeDetails = "Send the body as Content-Type: application/json (UTF-8).";
    private const string NotAnObject = "The body must be a JSON object.";

    public static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The route refuses a media type other than application/json; no media type, or another charset, is refused here.</summary>
    public static void EnsureJsonMediaType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", MediaTypeDetails);
        }
    }

    public static T Read<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> contract)
        where T : class
    {
        if (!Utf8.IsValid(body))
        {
            throw Invalid("The body is not valid UTF-8.");
        }

        // JSON may not begin with a byte order mark, but a parser may ignore one (RFC 8259), and some senders write it.
        body = body.StartsWith(Utf8ByteOrderMark) ? body[Utf8ByteOrderMark.Length..] : body;
        if (body.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw Invalid("The body is empty; send a JSON object.");
        }

        try
        {
            return JsonSerializer.Deserialize(body, contract) ?? throw Invalid(NotAnObject);
        }
        catch (JsonException exception)
        {
            throw Invalid(Describe(exception));
        }
    }

    /// <summary>
    /// The string value of the top-level property <paramref name="name"/>, if the bytes hold it before anything they
    /// cannot read: the body may be cut short, malformed or refused for another field.
    /// </summary>
    public static string? TopLevelString(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        body = body.StartsWith(Utf8ByteOrderMark) ? body[Utf8ByteOrderMark.Length..] : body;
        var json = new Utf8JsonReader(body, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth }));
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals(name))
                {
                    return json.Read() && json.TokenType == JsonTokenType.String ? json.GetString() : null;
                }

                if (!json.Read() || !json.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, or not UTF-8 text: the full read says which, in the contract's words.
        }

        return null;
    }

    private static string Describe(JsonException exception)
    {
        var field = exception.Path is null or "$" ? null : exception.Path.TrimStart('$', '.');
        var where = exception.LineNumber is { } line ? $"line {line + 1}, byte {exception.BytePositionInLine + 1}" : "an unknown position";
        return exception.InnerException switch
        {
            JsonException => $"The body is not valid JSON at {where}{(field is null ? "" : $", in {field}")}: a syntax error, or nesting deeper than {MaxDepth}.",
            _ when field is null => NotAnObject,
            _ => $"{field} has the wrong type or an invalid value, or is given twice ({where}).",
        };
    }

    public static RequestRejectedException Invalid(string details) => new(StatusCodes.Status400BadRequest, ErrorResponse.InvalidPayload, details);
}
