namespace CallTranscription.Bench.Loads;

/// <summary>
/// A load: so many callers at once, each sending calls of <paramref name="TurnsPerCall"/> turns one after another;
/// paced callers wait 0.5-1.5 s before each turn (a fleet's real rate), unpaced ones none (a closed loop: capacity).
/// </summary>
internal sealed record Load(string Name, int Calls, bool Paced, int TurnsPerCall);
