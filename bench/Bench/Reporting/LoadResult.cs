using CallTranscription.Bench.Loads;

namespace CallTranscription.Bench.Reporting;

/// <summary>One measured phase of one server under one load (or the long call): a row of the report.</summary>
internal sealed record LoadResult(
    int Round,
    string Scenario,
    string Load,
    int Calls,
    string Phase,
    double Seconds,
    long Requests,
    long Acknowledged,
    long NonSuccess,
    long Unanswered,
    double TurnsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double ServerCpuMicrosecondsPerTurn,
    double GeneratorCores,
    double PeakRssMiB,
    string Audit,
    string? Note = null)
{
    /// <summary>What the exit code checks: the audit and the statuses, never a timing.</summary>
    public bool Passed => Audit.StartsWith("ok", StringComparison.Ordinal) && NonSuccess == 0;

    /// <summary>The rows of one wrk run, a window each; its socket errors and unanswered requests go on its last.</summary>
    public static IEnumerable<LoadResult> From(int round, string scenario, Load load, IReadOnlyList<string> phases, WrkRun run, double peakRssMiB, string audit) =>
        run.Windows.Select((w, i) =>
        {
            var last = i == run.Windows.Count - 1;
            return new LoadResult(
                round, scenario, load.Name, load.Calls, phases[i], w.Seconds, w.Requests, w.Acknowledged,
                w.NonSuccess + (last ? run.SocketErrors : 0), last ? run.Unanswered : 0, w.TurnsPerSecond,
                w.P50Ms, w.P95Ms, w.P99Ms, w.MaxMs, w.ServerCpuMicrosecondsPerTurn, run.GeneratorCores, peakRssMiB, audit);
        });

    public static LoadResult Failed(int round, string scenario, string load, string error) => new(
        round, scenario, load, 0, "-", 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
        double.NaN, double.NaN, $"FAILED: {error}");
}
