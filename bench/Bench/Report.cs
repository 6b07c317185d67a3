using System.Globalization;
using System.Text.Json;

namespace CallTranscription.Bench;

internal static class Report
{
    public static string Header =>
        "| scenario | conversations | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | peak RSS MiB | audit |\n|---|---|---|---|---|---|---|---|---|---|";

    public static string Row(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario} | {r.Conversations} | {r.RequestsPerSecond:0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} | {r.NonSuccess} | {r.PeakRssMiB:0} | {r.Audit} |");

    public static void Print(List<LoadResult> results, Options options)
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        foreach (var result in results)
        {
            Console.WriteLine(Row(result));
        }

        var ceiling = results.FirstOrDefault(r => r.Scenario == "ceiling");
        var service = results.FirstOrDefault(r => r.Scenario == "sqlite");
        if (ceiling is not null && service is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\nservice on SQLite reaches {service.RequestsPerSecond / ceiling.RequestsPerSecond:P0} of the raw group-commit ceiling measured in this run"));
        }

        var file = Path.Combine(options.OutputDirectory, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"results: {file}");
    }
}
