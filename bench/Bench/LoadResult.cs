namespace CallTranscription.Bench;

internal sealed record LoadResult(
    string Scenario,
    int Conversations,
    double Seconds,
    long Requests,
    long NonSuccess,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double PeakRssMiB,
    string Audit)
{
    public static double Percentile(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
