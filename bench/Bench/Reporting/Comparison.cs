namespace CallTranscription.Bench.Reporting;

/// <summary>
/// A service against its reference under one load, in one phase: the ratio service / reference in each round (both
/// measured minutes apart), and the median over the rounds.
/// </summary>
internal sealed record Comparison(string Service, string Reference, string Load, string Phase, IReadOnlyList<RoundRatios> Rounds)
{
    public double P99Ratio => Statistics.Median(Rounds.Select(r => r.P99));

    public double CpuPerTurnRatio => Statistics.Median(Rounds.Select(r => r.CpuPerTurn));

    public double ThroughputRatio => Statistics.Median(Rounds.Select(r => r.Throughput));

    public double ServiceP99Ms => Statistics.Median(Rounds.Select(r => r.ServiceP99Ms));

    public double ReferenceP99Ms => Statistics.Median(Rounds.Select(r => r.ReferenceP99Ms));

    public static List<Comparison> Of(IReadOnlyList<LoadResult> results, IEnumerable<(string Service, string Reference)> pairs) =>
        pairs.SelectMany(pair => results
            .Where(r => r.Scenario == pair.Service)
            .GroupBy(r => (r.Load, r.Phase))
            .Select(phase => new Comparison(pair.Service, pair.Reference, phase.Key.Load, phase.Key.Phase, phase
                .Select(service => (Service: service, Reference: results.FirstOrDefault(r =>
                    r.Scenario == pair.Reference && r.Load == service.Load && r.Phase == service.Phase && r.Round == service.Round)))
                .Where(match => match.Reference is not null)
                .Select(match => RoundRatios.Of(match.Service, match.Reference!))
                .ToList())))
        .Where(comparison => comparison.Rounds.Count > 0)
        .ToList();
}

internal sealed record RoundRatios(int Round, double P99, double CpuPerTurn, double Throughput, double ServiceP99Ms, double ReferenceP99Ms)
{
    public static RoundRatios Of(LoadResult service, LoadResult reference) => new(
        service.Round,
        service.P99Ms / reference.P99Ms,
        service.ServerCpuMicrosecondsPerTurn / reference.ServerCpuMicrosecondsPerTurn,
        service.TurnsPerSecond / reference.TurnsPerSecond,
        service.P99Ms,
        reference.P99Ms);
}
