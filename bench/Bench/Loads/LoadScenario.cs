using System.Globalization;
using CallTranscription.Bench.Reporting;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench.Loads;

/// <summary>
/// One server under one load, in a fresh process on a fresh database: first its first seconds, measured in windows
/// (how soon after a deploy, restart or scale-out it reaches its speed); then, after a warm-up at full load, its
/// steady state. Each window is its own wrk run; the audit covers them all.
/// </summary>
internal sealed class LoadScenario(Options options)
{
    public async Task<List<LoadResult>> RunAsync(string server, Load load, int round)
    {
        var logPath = Path.Combine(options.OutputDirectory, $"{server}-{load.Name}-r{round}.log");
        var prefix = $"bench-{Guid.NewGuid():N}"[..18];
        await using var database = BenchServers.NewDatabase(server, options);
        await ServiceMigration.RunAsync(database, logPath);

        var measured = new List<(string Phase, WrkRun Run)>();
        var runs = 0;
        long acknowledged = 0;
        long unanswered = 0;
        double peakRss;
        await using (var process = await BenchServers.StartAsync(server, database, options, logPath))
        {
            async Task<WrkRun> DriveAsync(Load driven, TimeSpan duration)
            {
                var run = await WrkDriver.RunAsync(process, driven, $"{prefix}-{++runs}", duration);
                acknowledged += run.Acknowledged;
                unanswered += run.Unanswered;
                return run;
            }

            for (var from = TimeSpan.Zero; from < options.Duration; from += options.StartWindow)
            {
                var window = options.StartWindow < options.Duration - from ? options.StartWindow : options.Duration - from;
                measured.Add((Invariant($"start {from.TotalSeconds:0}-{(from + window).TotalSeconds:0} s"), await DriveAsync(load, window)));
            }

            if (options.Warmup >= TimeSpan.FromSeconds(1))
            {
                await DriveAsync(options.WarmupLoad, options.Warmup);
            }

            measured.Add((Invariant($"steady, after {(options.Duration + options.Warmup).TotalSeconds:0} s"), await DriveAsync(load, options.Duration)));
            peakRss = process.PeakRssMiB();
        }

        var audit = await DatabaseAudit.CheckCountsAsync(database, prefix, acknowledged, unanswered, load.TurnsPerCall);
        return measured.Select(m => LoadResult.From(round, server, load, m.Phase, m.Run, peakRss, audit)).ToList();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
