using System.Diagnostics;
using CallTranscription.Bench.Loads;
using CallTranscription.Bench.Reporting;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench;

internal sealed class BenchRunner(Options options)
{
    /// <summary>
    /// Every scenario once per round. With --rounds N each reference and its service alternate N times, so that a slow
    /// or fast spell of this shared machine falls on both, and the report compares them round by round. Every other
    /// round runs in reverse order (ABBA), so neither side always comes second.
    /// </summary>
    public async Task<List<LoadResult>> RunAsync()
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var plan = Plan();
        var results = new List<LoadResult>();
        var started = Stopwatch.GetTimestamp();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var (scenario, load) in round % 2 == 1 ? plan : Enumerable.Reverse(plan))
            {
                Console.WriteLine($"== {scenario}{(load is null ? "" : $" under {load.Name} load ({load.Calls} calls)")}, round {round} of {options.Rounds}");
                var scenarioStarted = Stopwatch.GetTimestamp();
                var scenarioResults = await RunAsync(scenario, load, round);
                Console.WriteLine($"   {Stopwatch.GetElapsedTime(scenarioStarted).TotalSeconds:0} s ({Stopwatch.GetElapsedTime(started).TotalMinutes:0.0} min so far)");
                foreach (var result in scenarioResults)
                {
                    Console.WriteLine(Report.Row(result));
                }

                results.AddRange(scenarioResults);
            }
        }

        return results;
    }

    /// <summary>One round: each load in turn, with every server under it one after another, so that a service and
    /// its reference run minutes apart; then the long call.</summary>
    private List<(string Scenario, Load? Load)> Plan() =>
    [
        .. options.Loads.SelectMany(load => options.Scenarios.Where(BenchServers.IsServer).Select(server => (server, (Load?)load))),
        .. options.Scenarios.Where(scenario => scenario == "long").Select(scenario => (scenario, (Load?)null)),
    ];

    private async Task<List<LoadResult>> RunAsync(string scenario, Load? load, int round)
    {
        try
        {
            return load is null
                ? [await new LongCall(options).RunAsync(round)]
                : await new LoadScenario(options).RunAsync(scenario, load, round);
        }
        catch (Exception exception)
        {
            // One server that fails to start or to answer fails its row and the exit code, not the rest of the run.
            Console.WriteLine($"   {scenario} failed: {exception.GetType().Name}: {exception.Message}");
            return [LoadResult.Failed(round, scenario, load?.Name ?? "one call", exception.Message)];
        }
    }
}
