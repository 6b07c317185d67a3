using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallTranscription.Bench.Reporting;

internal static class Report
{
    public const string Header =
        "| round | scenario | load | phase | turns/s | p50 ms | p99 ms | max ms | non-2xx | unanswered | server CPU µs/turn | wrk cores | peak RSS MiB | audit |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static string Row(LoadResult r) => Invariant(
        $"| {r.Round} | {r.Scenario} | {r.Load} ({r.Calls}) | {r.Phase} | {r.TurnsPerSecond:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} | {r.NonSuccess} | {r.Unanswered} | {r.ServerCpuMicrosecondsPerTurn:0} | {r.GeneratorCores:0.00} | {r.PeakRssMiB:0} | {r.Audit} |");

    public static void Print(IReadOnlyList<LoadResult> results, IReadOnlyList<Comparison> comparisons, Options options)
    {
        Console.WriteLine();
        Console.WriteLine("turns/s: acknowledged (201) per second. Latency: from just before a request is written to its whole answer, "
            + "in the window it was answered in. unanswered: requests in flight when a run stopped, in no percentile. Server CPU: the "
            + "process's user + system time in the window, per acknowledged turn. Audit: over all the runs of one server process.");
        Console.WriteLine(Header);
        foreach (var result in results)
        {
            Console.WriteLine(Row(result));
        }

        foreach (var result in results.Where(r => r.Note is not null))
        {
            Console.WriteLine($"{result.Scenario} (round {result.Round}): {result.Note}");
        }

        if (comparisons.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Service / reference, median over rounds (each round's ratio in brackets); throughput only at capacity, where the load does not fix it:");
            Console.WriteLine("| service / reference | load | phase | p99 ms (medians) | p99 ratio | CPU per turn ratio | throughput ratio |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var c in comparisons)
            {
                var capacity = options.Loads.FirstOrDefault(l => l.Name == c.Load) is { Paced: false };
                Console.WriteLine(Invariant(
                    $"| {c.Service} / {c.Reference} | {c.Load} | {c.Phase} | {c.ServiceP99Ms:0.00} / {c.ReferenceP99Ms:0.00} | {Ratio(c.P99Ratio, c.Rounds.Select(r => r.P99))} | {Ratio(c.CpuPerTurnRatio, c.Rounds.Select(r => r.CpuPerTurn))} | {(capacity ? Ratio(c.ThroughputRatio, c.Rounds.Select(r => r.Throughput)) : "-")} |"));
            }
        }

        var failed = results.Where(r => !r.Passed).ToList();
        Console.WriteLine();
        Console.WriteLine(failed.Count == 0
            ? "Correctness: every audit clean, zero non-2xx."
            : $"Correctness FAILED in {failed.Count} run(s): " + string.Join("; ", failed.Select(r => $"{r.Scenario} {r.Load} {r.Phase} (round {r.Round}): {r.NonSuccess} non-2xx, {r.Audit}")));

        var file = Path.Combine(options.OutputDirectory, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { options, results, comparisons }, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN: not measured
        }));
        Console.WriteLine($"results: {file}");
    }

    private static string Ratio(double median, IEnumerable<double> rounds) =>
        Invariant($"{median:0.00} ({string.Join(", ", rounds.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
