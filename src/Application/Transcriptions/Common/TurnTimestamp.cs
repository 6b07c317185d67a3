using System.Globalization;
using System.Text.RegularExpressions;

namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>
/// ISO-8601 / RFC 3339 timestamps: an explicit offset is honoured, a missing one means UTC; the result is always UTC.
/// Separators may be lowercase (RFC 3339 allows <c>t</c> and <c>z</c>), and any number of fractional digits is read,
/// truncated to the 100 ns a <see cref="DateTimeOffset"/> holds (Go and Java write nanoseconds).
/// </summary>
public static partial class TurnTimestamp
{
    private const int StoredFractionDigits = 7;

    public static bool TryParse(string? value, out DateTimeOffset utc)
    {
        utc = default;
        var shape = value is null ? null : IsoShape().Match(value);
        if (shape is not { Success: true })
        {
            return false;
        }

        var fraction = shape.Groups["fraction"];
        var text = fraction.Length > StoredFractionDigits
            ? value!.Remove(fraction.Index + StoredFractionDigits, fraction.Length - StoredFractionDigits)
            : value!;
        if (!DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed))
        {
            return false;
        }

        utc = parsed.ToUniversalTime();
        return true;
    }

    public static DateTimeOffset Parse(string value) =>
        TryParse(value, out var utc) ? utc : throw new FormatException($"'{value}' is not an ISO-8601 timestamp.");

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.(?<fraction>[0-9]+))?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();
}
