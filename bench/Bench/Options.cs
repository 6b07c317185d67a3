namespace CallTranscription.Bench;

internal sealed record Options(
    IReadOnlyList<string> Scenarios,
    int Conversations,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan EarlyWarmup,
    int LongTurns,
    string? PostgresServer,
    string OutputDirectory,
    IReadOnlyDictionary<string, string> ServiceEnvironment,
    int Rounds)
{
    public static Options Parse(string[] args) => new(
        (Value(args, "--scenarios") ?? "sqlite,sqlite16,postgres-reference,postgres,long").Split(',', StringSplitOptions.RemoveEmptyEntries),
        int.Parse(Value(args, "--conversations") ?? "64"),
        TimeSpan.FromSeconds(double.Parse(Value(args, "--duration") ?? "15", System.Globalization.CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(Value(args, "--warmup") ?? "20", System.Globalization.CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(Value(args, "--early-warmup") ?? "3", System.Globalization.CultureInfo.InvariantCulture)),
        int.Parse(Value(args, "--long-turns") ?? "20000"),
        Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("CALLTRANSCRIPTION_BENCH_POSTGRES"),
        Value(args, "--out") ?? Path.Combine(Paths.RepositoryRoot, "bench", "results"),
        ParseEnvironment(Value(args, "--service-env")),
        int.Parse(Value(args, "--rounds") ?? "1"));

    /// <summary>--service-env "KEY=VALUE,KEY=VALUE": extra settings for the service, to measure a setting's effect.</summary>
    private static Dictionary<string, string> ParseEnvironment(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");

    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ServiceDll => Path.Combine(RepositoryRoot, "bench", ".publish", "service", "CallTranscription.WebApi.dll");

    public static string BenchDll => typeof(Paths).Assembly.Location;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallTranscription.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the bench from inside the repository");
    }
}
