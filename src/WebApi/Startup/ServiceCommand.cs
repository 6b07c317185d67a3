namespace CallTranscription.WebApi.Startup;

/// <summary>
/// `dotnet run --project src/WebApi -- migrate` applies migrations and exits; no command serves. Everything else on the
/// command line is configuration (`--key value`, `--key=value`, `key=value`), read as ASP.NET Core's command-line
/// provider reads it; a word left over is a mistyped command, and the service refuses to start rather than serve.
/// </summary>
internal static class ServiceCommand
{
    public const string Migrate = "migrate";
    public const string Backfill = Reconciliation.BackfillRequest.Command;

    public static bool IsMigrate(string[] args) => Words(args) is [Migrate];

    public static bool IsBackfill(string[] args) => Words(args) is [Backfill];

    public static string? Problem(string[] args) => Words(args) switch
    {
        [] or [Migrate] or [Backfill] => null,
        var words => $"unknown command '{string.Join(' ', words)}' on the command line; the commands are '{Migrate}' and '{Backfill}' (none serves).",
    };

    private static List<string> Words(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) || arg.StartsWith('/'))
            {
                i += arg.Contains('=') ? 0 : 1; // --key value: the next argument is its value
            }
            else if (!arg.StartsWith('-') && !arg.Contains('='))
            {
                words.Add(arg);
            }
        }

        return words;
    }
}
