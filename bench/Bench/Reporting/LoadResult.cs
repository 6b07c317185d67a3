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

    public static LoadResult From(int round, string scenario, Load load, string phase, WrkRun run, double peakRssMiB, string audit) => new(
        round, scenario, load.Name, load.Calls, phase, run.Seconds, run.Requests, run.Acknowledged, run.Failed, run.Unanswered, run.TurnsPerSecond,
        run.P50Ms, run.P95Ms, run.P99Ms, run.MaxMs, run.ServerCpuMicrosecondsPerTurn, run.GeneratorCores, peakRssMiB, audit);

    public static LoadResult Failed(int round, string scenario, string load, string error) => new(
        round, scenario, load, 0, "-", 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
        double.NaN, double.NaN, $"FAILED: {error}");
}
