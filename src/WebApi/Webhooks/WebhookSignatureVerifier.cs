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

    private const int SignatureHexLength = 64;

    public void Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            return;
        }

        using var check = Start(options.Value.WebhookSecret, header);
        check.Append(body);
        check.Finish();
    }

    /// <summary>
    /// Checks the header now (401 when it is missing, malformed or stale) and returns the check of the body signed with
    /// <paramref name="secret"/>, which takes the raw bytes as they arrive.
    /// </summary>
    public SignatureCheck Start(string secret, string? header)
    {
        if (Parse(header) is not var (timestamp, signatures))
        {
            throw Unauthorized($"The {HeaderName} header is missing or malformed.");
        }

        // In seconds, as sent: t may be any number (milliseconds by mistake, say), far outside what a date can hold.
        var nowSeconds = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000d;
        if (Math.Abs(nowSeconds - timestamp) > options.Value.SignatureTolerance.TotalSeconds)
        {
            throw Unauthorized($"The {HeaderName} timestamp is outside the allowed window (t is in Unix seconds).");
        }

        return new SignatureCheck(secret, timestamp, signatures);
    }

    internal static RequestRejectedException Unauthorized(string details) =>
        new(StatusCodes.Status401Unauthorized, "Invalid webhook signature", details);

    // Exactly one t of Unix seconds and one or more v0 of 64 hex digits, each part a key=value, whatever the sender wrote;
    // other keys are ignored, so a future signature scheme can be added beside v0.
    private static (long Timestamp, byte[][] Signatures)? Parse(string? header)
    {
        var parts = (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries).Select(part => part.Split('=', 2)).ToList();
        if (!parts.All(part => part is [{ Length: > 0 }, _])
            || parts.Where(part => part[0] == "t").ToList() is not [[_, var t]]
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return null;
        }

        var signatures = parts.Where(part => part[0] == "v0").Select(part => part[1]).ToList();
        return signatures.Count > 0 && signatures.All(signature => signature.Length == SignatureHexLength && signature.All(char.IsAsciiHexDigit))
            ? (timestamp, signatures.Select(Convert.FromHexString).ToArray())
            : null;
    }
}

/// <summary>
/// The HMAC-SHA256 of <c>"{t}.{raw body}"</c>, computed as the body's bytes arrive, so a body of any size is checked
/// without holding it; compared in constant time with each <c>v0</c> of the header.
/// </summary>
public sealed class SignatureCheck : IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly IReadOnlyList<byte[]> _signatures;

    internal SignatureCheck(string secret, long timestamp, IReadOnlyList<byte[]> signatures)
    {
        _signatures = signatures;
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        _hmac.AppendData(Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
    }

    public void Append(ReadOnlySpan<byte> bytes) => _hmac.AppendData(bytes);

    /// <summary>Throws the 401 unless the bytes appended are the body the header signs.</summary>
    public void Finish()
    {
        var expected = _hmac.GetHashAndReset();
        if (!_signatures.Any(candidate => CryptographicOperations.FixedTimeEquals(candidate, expected)))
        {
            throw WebhookSignatureVerifier.Unauthorized($"The {WebhookSignatureVerifier.HeaderName} does not match the body.");
        }
    }

    public void Dispose() => _hmac.Dispose();
}
