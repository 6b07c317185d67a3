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

        return new SignatureCheck(secret, signed.Timestamp, signed.Signatures);
    }

    public static byte[] Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    internal static RequestRejectedException Unauthorized(string details) =>
        new(StatusCodes.Status401Unauthorized, "Invalid webhook signature", details);
}
