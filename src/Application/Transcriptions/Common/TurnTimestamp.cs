using System.Globalization;
using System.Text.RegularExpressions;

namespace CallTranscription.Application.Transcriptions.Common;

/// <summary>ISO-8601 timestamps: an explicit offset is honoured, a missing one means UTC; the result is always UTC.</summary>
public static partial class TurnTimestamp
{
    public static bool TryParse(string? value, out DateTimeOffset utc)
    {
        utc = default;
        if (value is null || !IsoShape().IsMatch(value))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(
                value,
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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();
}
