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

    /// <returns>The instant in UTC; null when <paramref name="value"/> is not such a timestamp.</returns>
    public static DateTimeOffset? Parse(string? value) =>
        value is not null && IsoShape().IsMatch(value) && DateTimeOffset.TryParse(
            WithStoredFraction(value),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    // In the shape above a '.' only ever starts the fraction.
    private static string WithStoredFraction(string value)
    {
        var dot = value.IndexOf('.');
        if (dot < 0)
        {
            return value;
        }

        var fraction = value.AsSpan(dot + 1);
        var digits = fraction.IndexOfAnyExceptInRange('0', '9');
        if (digits < 0)
        {
            digits = fraction.Length;
        }

        return digits > StoredFractionDigits
            ? value.Remove(dot + 1 + StoredFractionDigits, digits - StoredFractionDigits)
            : value;
    }

    // \z, not $: a trailing line break is not part of a timestamp.
    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();
}
