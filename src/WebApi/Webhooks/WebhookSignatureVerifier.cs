using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallTranscription.WebApi.ErrorHandling;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>
/// Checks <c>ElevenLabs-Signature: t=&lt;unix seconds&gt;,v0=&lt;hex HMAC-SHA256(secret, "{t}.{raw body}")&gt;</c>.
/// </summary>
public sealed class WebhookSignatureVerifier(IOptions<ElevenLabsOptions> options, TimeProvider timeProvider)
{
    public const string HeaderName = "ElevenLabs-Signature";

    public bool IsEnabled => !string.IsNullOrEmpty(options.Value.WebhookSecret);

    public void Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (!IsEnabled)
        {
            return;
        }

        using var check = Start(options.Value.WebhookSecret!, header);
        check.Append(body);
        check.Finish();
    }

    /// <summary>
    /// Checks the header now (401 when it is missing, malformed or stale) and returns the check of the body signed with
    /// <paramref name="secret"/>, which takes the raw bytes as they arrive.
    /// </summary>
    public SignatureCheck Start(string secret, string? header)
    {
        if (!TryParse(header, out var timestamp, out var signatures))
        {
            throw Unauthorized($"The {HeaderName} header is missing or malformed.");
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > options.Value.SignatureTolerance)
        {
            throw Unauthorized($"The {HeaderName} timestamp is outside the allowed window.");
        }

        return new SignatureCheck(secret, timestamp, signatures);
    }

    public static byte[] Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var hasTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.IndexOf('=') is var at and > 0 ? (part[..at], part[(at + 1)..]) : (part, "");
            if (key == "t")
            {
                hasTimestamp = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
            else if (key == "v0" && value.Length == 64 && value.All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        return hasTimestamp && signatures.Count > 0;
    }

    internal static RequestRejectedException Unauthorized(string details) =>
        new(StatusCodes.Status401Unauthorized, "Invalid webhook signature", details);
}
