using System.Globalization;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>
/// <c>t=&lt;unix seconds&gt;,v0=&lt;64 hex digits&gt;[,v0=…]</c>, parsed without trusting any part of it: whatever the
/// sender wrote, the answer is a header or "malformed", never an exception. Keys other than <c>t</c> and <c>v0</c>
/// are ignored, so a future signature scheme can be added beside v0.
/// </summary>
public sealed record SignatureHeader(long Timestamp, IReadOnlyList<byte[]> Signatures)
{
    private const int SignatureHexLength = 64;

    public static bool TryParse(string? header, out SignatureHeader? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=');
            if (separator <= 0)
            {
                return false;
            }

            var (key, value) = (part[..separator], part[(separator + 1)..]);
            if (key == "t")
            {
                if (timestamp is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return false;
                }

                timestamp = seconds;
            }
            else if (key == "v0")
            {
                if (value.Length != SignatureHexLength || !value.All(char.IsAsciiHexDigit))
                {
                    return false;
                }

                signatures.Add(Convert.FromHexString(value));
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            return false;
        }

        parsed = new SignatureHeader(timestamp.Value, signatures);
        return true;
    }
}
