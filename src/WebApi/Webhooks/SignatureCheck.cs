using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallTranscription.WebApi.Webhooks;

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
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.GetHashAndReset(expected);
        var matched = false;
        foreach (var candidate in _signatures)
        {
            matched |= CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        if (!matched)
        {
            throw WebhookSignatureVerifier.Unauthorized($"The {WebhookSignatureVerifier.HeaderName} does not match the body.");
        }
    }

    public void Dispose() => _hmac.Dispose();
}
