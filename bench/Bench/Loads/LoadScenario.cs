using System.Globalization;
using CallTranscription.Bench.Reporting;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench.Loads;

/// <summary>
/// One server under one load, in a fresh process on a fresh database: first its first seconds, reported in windows
/// (how soon after a deploy, restart or scale-out it reaches its speed); then, after a warm-up at full load, its
/// steady state. Each is one wrk run, whose callers go on with the calls the previous run of their load left; the
/// audit covers them all.
/// </summary>
internal sealed class LoadScenario(Options options)
{
    public async Task<List<LoadResult>> RunAsync(string server, Load load, int round)
    {
        var logPath = Path.Combine(options.OutputDirectory, $"{server}-{load.Name}-r{round}.log");
        var prefix = $"bench-{Guid.NewGuid():N}"[..18];
        await using var database = BenchServers.NewDatabase(server, options);
        await ServiceMigration.RunAsync(database, logPath);

        var calls = Directory.CreateTempSubdirectory("ct-bench-calls-");
        var runs = new List<(IReadOnlyList<string> Phases, WrkRun Run)>();
        long acknowledged = 0;
        long unanswered = 0;
        double peakRss;
        try
        {
            await using var process = await BenchServers.StartAsync(server, database, options, logPath);
            async Task<WrkRun> DriveAsync(Load driven, TimeSpan duration, TimeSpan window)
            {
                var run = await WrkDriver.RunAsync(process, driven, $"{prefix}-{driven.Name}", Path.Combine(calls.FullName, driven.Name), duration, window);
                acknowledged += run.Acknowledged;
                unanswered += run.Unanswered;
                return run;
            }

            var start = await DriveAsync(load, options.Duration, options.StartWindow);
            runs.Add((start.Windows.Select((w, i) => Invariant($"start {i * options.StartWindow.TotalSeconds:0}-{i * options.StartWindow.TotalSeconds + w.Seconds:0} s")).ToList(), start));
            if (options.Warmup >= TimeSpan.FromSeconds(1))
            {
                await DriveAsync(options.WarmupLoad, options.Warmup, options.Warmup);
            }

            var steady = await DriveAsync(load, options.Duration, options.Duration);
            runs.Add(([Invariant($"steady, after {(options.Duration + options.Warmup).TotalSeconds:0} s")], steady));
            peakRss = process.PeakRssMiB();
        }
        finally
        {
            calls.Delete(recursive: true);
        }

        // After the server has stopped: every turn it will ever store is stored.
        var audit = await DatabaseAudit.CheckCountsAsync(database, prefix, acknowledged, unanswered, load.TurnsPerCall);
        return runs.SelectMany(r => LoadResult.From(round, server, load, r.Phases, r.Run, peakRss, audit)).ToList();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
