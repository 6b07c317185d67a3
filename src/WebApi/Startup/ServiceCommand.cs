namespace CallTranscription.WebApi.Startup;

/// <summary>
/// `dotnet run --project src/WebApi -- migrate` applies migrations and exits; no command serves. Everything else on the
/// command line is configuration (`--key value`, `--key=value`, `/key value`, `key=value`), which ASP.NET Core's
/// command-line provider reads and a word it ignores; a word left over is a mistyped command, refused rather than served.
/// </summary>
internal static class ServiceCommand
{
    public const string Migrate = "migrate";

    /// <exception cref="InvalidConfigurationException">A word other than <see cref="Migrate"/>.</exception>
    public static bool IsMigrate(string[] args) => Words(args) switch
    {
        [] => false,
        [Migrate] => true,
        var words => throw new InvalidConfigurationException(
            $"unknown command '{string.Join(' ', words)}' on the command line; the only command is '{Migrate}' (none serves)."),
    };

    private static List<string> Words(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) || args[i].StartsWith('/'))
            {
                i += args[i].Contains('=') ? 0 : 1; // --key value: the next argument is its value
            }
            else if (!args[i].StartsWith('-') && !args[i].Contains('='))
            {
                words.Add(args[i]);
            }
        }

        return words;
    }
}
