using System.Globalization;
using CallTranscription.Bench.Loads;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench;

/// <summary>
/// bench run [--scenarios sqlite-reference,sqlite,postgres-reference,postgres,long] [--loads realistic,capacity]
///           [--rounds 1] [--duration 15] [--start-window 5] [--warmup 20] [--realistic-calls 200] [--capacity-calls 64]
///           [--turns-per-call 20] [--long-turns 20000] [--postgres CS] [--service-env K=V,K=V] [--out DIR]
/// </summary>
internal sealed record Options(
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<Load> Loads,
    Load WarmupLoad,
    int Rounds,
    TimeSpan Duration,
    TimeSpan StartWindow,
    TimeSpan Warmup,
    int LongTurns,
    string? PostgresServer,
    IReadOnlyDictionary<string, string> ServiceEnvironment,
    string OutputDirectory)
{
    public static Options Parse(string[] args)
    {
        var turnsPerCall = Int(args, "--turns-per-call", 20);
        var realistic = new Load("realistic", Int(args, "--realistic-calls", 200), Paced: true, turnsPerCall);
        var capacity = new Load("capacity", Int(args, "--capacity-calls", 64), Paced: false, turnsPerCall);
        var duration = Seconds(args, "--duration", 15);
        var scenarios = List(args, "--scenarios", "sqlite-reference,sqlite,postgres-reference,postgres,long");
        if (scenarios.FirstOrDefault(s => !BenchServers.IsServer(s) && s != "long") is { } unknown)
        {
            throw new ArgumentException($"unknown scenario {unknown}: sqlite-reference, sqlite, postgres-reference, postgres or long");
        }

        return new Options(
            scenarios,
            List(args, "--loads", "realistic,capacity").Select(name => name switch
            {
                "realistic" => realistic,
                "capacity" => capacity,
                _ => throw new ArgumentException($"unknown load {name}: realistic or capacity"),
            }).ToList(),
            capacity,
            Int(args, "--rounds", 1),
            duration,
            Seconds(args, "--start-window", Math.Min(5, duration.TotalSeconds)),
            Seconds(args, "--warmup", 20),
            Int(args, "--long-turns", 20000),
            Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("CALLTRANSCRIPTION_BENCH_POSTGRES"),
            ParseEnvironment(Value(args, "--service-env")),
            Value(args, "--out") ?? Path.Combine(Paths.RepositoryRoot, "bench", "results"));
    }

    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string[] List(string[] args, string name, string fallback) =>
        (Value(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static TimeSpan Seconds(string[] args, string name, double fallback) =>
        TimeSpan.FromSeconds(Value(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback);

    /// <summary>--service-env "KEY=VALUE,KEY=VALUE": extra settings for the service, to measure a setting's effect.</summary>
    private static Dictionary<string, string> ParseEnvironment(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
}
