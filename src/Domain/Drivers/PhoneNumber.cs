namespace CallTranscription.Domain.Drivers;

public static class PhoneNumber
{
    /// <summary>Digits only; a 10-digit US number becomes +1XXXXXXXXXX, any other length becomes +{digits}.</summary>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            throw new ArgumentException("A phone number needs at least one digit.", nameof(raw));
        }

        return digits.Length == 10 ? $"+1{digits}" : $"+{digits}";
    }
}
