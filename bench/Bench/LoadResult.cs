namespace CallTranscription.Bench;

internal sealed record LoadResult(
    string Scenario,
    int Conversations,
    string Phase,
    double Seconds,
    long Requests,
    long NonSuccess,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double ServerCpuMicrosecondsPerRequest,
    double GeneratorCores,
    double PeakRssMiB,
    string Audit,
    int Round = 1)
{
    public static LoadResult From(string scenario, int conversations, string phase, WrkRun run, double peakRssMiB, string audit, int round) => new(
        scenario, conversations, phase, run.Seconds, run.Requests, run.Failed, run.RequestsPerSecond, run.P50Ms, run.P95Ms, run.P99Ms, run.MaxMs,
        run.ServerCpuMicrosecondsPerRequest, run.GeneratorCores, peakRssMiB, audit, round);

    public static double Percentile(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
