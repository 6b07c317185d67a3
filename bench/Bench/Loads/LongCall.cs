using System.Diagnostics;
using System.Globalization;
using System.Net;
using CallTranscription.Bench.Reporting;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench.Loads;

/// <summary>
/// One conversation of many turns, one after another, on the service on SQLite: does a turn cost more as its
/// conversation grows? Compares the median latency of the first and the last hundred turns.
/// </summary>
internal sealed class LongCall(Options options)
{
    private const int WarmupTurns = 1000;
    private static readonly TimeSpan _timeLimit = TimeSpan.FromMinutes(10);

    public async Task<LoadResult> RunAsync(int round)
    {
        var turns = options.LongTurns;
        var logPath = Path.Combine(options.OutputDirectory, $"long-r{round}.log");
        var prefix = $"bench-{Guid.NewGuid():N}"[..18];
        var conversationId = $"{prefix}-long";
        await using var database = BenchServers.NewDatabase(BenchServers.Sqlite, options);
        await ServiceMigration.RunAsync(database, logPath);

        using var timeLimit = new CancellationTokenSource(_timeLimit);
        var acknowledged = new Acknowledged();
        var latencies = new double[turns];
        long nonSuccess = 0;
        double seconds, cpuPerTurn, peakRss;
        await using (var process = await BenchServers.StartAsync(BenchServers.Sqlite, database, options, logPath))
        {
            using var client = WebhookClient.Create(process.BaseAddress);
            // Warm the server (JIT, pools) on another conversation, so that the comparison isolates the conversation's length.
            for (var turn = 1; turn <= WarmupTurns; turn++)
            {
                await WebhookClient.PostAsync(client, TurnBodies.For($"warmup-{prefix}", turn), timeLimit.Token);
            }

            var cpuBefore = ProcessCpu.Used(process.Id) ?? TimeSpan.Zero;
            var started = Stopwatch.GetTimestamp();
            for (var turn = 1; turn <= turns; turn++)
            {
                var before = Stopwatch.GetTimestamp();
                var (status, sequence) = await WebhookClient.PostAsync(client, TurnBodies.For(conversationId, turn), timeLimit.Token);
                latencies[turn - 1] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                if (status == HttpStatusCode.Created)
                {
                    acknowledged.Add(conversationId, sequence);
                }
                else
                {
                    nonSuccess++;
                }
            }

            seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            cpuPerTurn = ((ProcessCpu.Used(process.Id) ?? cpuBefore) - cpuBefore).TotalMicroseconds / Math.Max(1, acknowledged.Total);
            peakRss = process.PeakRssMiB();
        }

        var audit = await DatabaseAudit.CheckAsync(database, prefix, acknowledged);
        var edge = Math.Min(100, turns / 2);
        var first = Statistics.Median(latencies.Take(edge));
        var last = Statistics.Median(latencies.Skip(turns - edge));
        var sorted = latencies.Order().ToList();
        return new LoadResult(round, "long", "one call", 1, $"{turns} turns", seconds, turns, acknowledged.Total, nonSuccess, 0,
            acknowledged.Total / seconds, Statistics.Percentile(sorted, 50), Statistics.Percentile(sorted, 95), Statistics.Percentile(sorted, 99),
            sorted[^1], cpuPerTurn, double.NaN, peakRss, audit,
            string.Create(CultureInfo.InvariantCulture,
                $"p50 of turns 1-{edge} {first:0.000} ms, of turns {turns - edge + 1}-{turns} {last:0.000} ms, ratio {last / first:0.00}"));
    }
}
