namespace CallTranscription.Bench.Loads;

/// <summary>
/// One wrk run: requests answered, turns acknowledged (201), failures (other statuses and socket errors), requests
/// still unanswered when the run stopped (not in the percentiles), latency in ms, and CPU: the server's per
/// acknowledged turn (µs), wrk's in cores.
/// </summary>
internal sealed record WrkRun(
    long Requests, double Seconds, long Acknowledged, long Failed, long Unanswered, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    double ServerCpuMicrosecondsPerTurn, double GeneratorCores)
{
    public double TurnsPerSecond => Acknowledged / Seconds;
}
