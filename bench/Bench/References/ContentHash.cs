using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallTranscription.Bench.References;

/// <summary>The service's content hash (Application's ContentHash), so a reference hashes as much as the service does.</summary>
internal static class ContentHash
{
    public static string Of(string conversationId, string speaker, DateTimeOffset timestamp, string message)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, conversationId);
        Append(hash, speaker == "agent" ? "Agent" : "Driver");
        Append(hash, timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(hash, message);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
