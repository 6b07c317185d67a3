namespace CallTranscription.Bench.Loads;

/// <summary>
/// One wrk run: its windows, the requests still unanswered when it stopped (not in any percentile), socket errors,
/// and the cores wrk itself used.
/// </summary>
internal sealed record WrkRun(double Seconds, long Unanswered, long SocketErrors, double GeneratorCores, IReadOnlyList<WrkWindow> Windows)
{
    public long Acknowledged => Windows.Sum(w => w.Acknowledged);
}

/// <summary>
/// The requests answered in one window of a run: how many, how many acknowledged (201) and not, their latency in ms,
/// and the server's CPU time in the window per acknowledged turn (µs).
/// </summary>
internal sealed record WrkWindow(
    double Seconds, long Requests, long Acknowledged, long NonSuccess, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    double ServerCpuMicrosecondsPerTurn)
{
    public double TurnsPerSecond => Acknowledged / Seconds;
}
