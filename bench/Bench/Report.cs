using System.Globalization;
using System.Text.Json;

namespace CallTranscription.Bench;

internal static class Report
{
    private static readonly (string Service, string Reference)[] _comparisons =
        [("postgres", "postgres-reference")];

    public static string Header =>
        "| scenario | conversations | measured after | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | server CPU µs/req | wrk cores | peak RSS MiB | audit |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static string Row(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario} | {r.Conversations} | {r.Phase} | {r.RequestsPerSecond:0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} | {r.NonSuccess} | {r.ServerCpuMicrosecondsPerRequest:0} | {r.GeneratorCores:0.00} | {r.PeakRssMiB:0} | {r.Audit} |");

    public static void Print(List<LoadResult> results, Options options)
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        foreach (var result in results)
        {
            Console.WriteLine(Row(result));
        }

        Console.WriteLine();
        foreach (var (serviceName, referenceName) in _comparisons)
        {
            foreach (var phase in results.Where(r => r.Scenario == serviceName).Select(r => r.Phase).Distinct())
            {
                var ratios = new List<double>();
                foreach (var service in results.Where(r => r.Scenario == serviceName && r.Phase == phase))
                {
                    if (results.FirstOrDefault(r => r.Scenario == referenceName && r.Phase == phase && r.Round == service.Round) is not { } reference)
                    {
                        continue;
                    }

                    ratios.Add(service.RequestsPerSecond / reference.RequestsPerSecond);
                    var round = options.Rounds > 1 ? $" (round {service.Round})" : "";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{serviceName} after {phase}{round}: {ratios[^1]:P0} of {referenceName} ({service.RequestsPerSecond:0} / {reference.RequestsPerSecond:0} req/s), p99 {service.P99Ms:0.0} ms"));
                }

                if (ratios.Count > 1)
                {
                    var sorted = ratios.Order().ToList();
                    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{serviceName} after {phase}, median of {ratios.Count} rounds: {median:P0} of {referenceName} (rounds: {string.Join(", ", ratios.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))})"));
                }
            }
        }

        var file = Path.Combine(options.OutputDirectory, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(results, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN: not measured
        }));
        Console.WriteLine($"results: {file}");
    }
}
