using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallTranscription.WebApi.ErrorHandling;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>
/// Checks <c>ElevenLabs-Signature: t=&lt;unix seconds&gt;,v0=&lt;hex HMAC-SHA256(secret, "{t}.{raw body}")&gt;</c> over the
/// raw body bytes, so any ElevenLabs webhook can use it. Every way a header can be wrong is a 401, never a 5xx.
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

        if (!SignatureHeader.TryParse(header, out var signed))
        {
            throw Unauthorized($"The {HeaderName} header is missing or malformed.");
        }

        // In seconds, as sent: t may be any number (milliseconds by mistake, say), far outside what a date can hold.
        var nowSeconds = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000d;
        if (Math.Abs(nowSeconds - signed!.Timestamp) > options.Value.SignatureTolerance.TotalSeconds)
        {
            throw Unauthorized($"The {HeaderName} timestamp is outside the allowed window (t is in Unix seconds).");
        }

        var expected = Sign(options.Value.WebhookSecret!, signed.Timestamp, body);
        if (!signed.Signatures.Any(candidate => CryptographicOperations.FixedTimeEquals(candidate, expected)))
        {
            throw Unauthorized($"The {HeaderName} does not match the body.");
        }
    }

    public static byte[] Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static RequestRejectedException Unauthorized(string details) =>
        new(StatusCodes.Status401Unauthorized, "Invalid webhook signature", details);
}
