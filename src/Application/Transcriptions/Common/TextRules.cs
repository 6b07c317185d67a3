namespace CallTranscription.Application.Transcriptions.Common;

public static class TextRules
{
    /// <summary>Printable ASCII without spaces: what conversation identifiers are made of.</summary>
    public static bool IsIdentifier(string value) => value.All(c => c is > ' ' and < '\u007f');

    /// <summary>Text a person said: no control characters but tab and line breaks, and no unpaired surrogates.</summary>
    public static bool IsSpeechText(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return IsWellFormedUtf16(value);
    }

    /// <summary>
    /// Characters as the limits count them, and as JSON Schema's maxLength does: Unicode code points, so an emoji outside
    /// the Basic Multilingual Plane is one, not the two UTF-16 units .NET's Length counts.
    /// </summary>
    public static int CodePointCount(string value)
    {
        var count = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsSurrogatePair(value[i], value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
