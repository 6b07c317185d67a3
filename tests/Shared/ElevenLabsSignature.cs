using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallTranscription.Testing;

/// <summary>The signature ElevenLabs sends: HMAC-SHA256(secret, "{t}.{raw body}"), computed here as a sender would (linked into the WebApi test projects).</summary>
public static class ElevenLabsSignature
{
    public static byte[] Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."), .. body];
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
