namespace CallTranscription.WebApi.Reconciliation;

/// <summary>
/// When each conversation that did not end at its last check is checked again, in this instance's memory: the wait
/// doubles from Interval up to <see cref="MaxWait"/>, so a long call costs a few API calls and one that never ends
/// at most one an hour. A restart forgets it, and the next sweep checks every due conversation once.
/// </summary>
public sealed class CheckSchedule(TimeSpan interval)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Next> _next = [];

    public bool IsWaiting(string conversationId, DateTimeOffset now) =>
        _next.TryGetValue(conversationId, out var next) && next.At > now;

    public void CheckLater(string conversationId, DateTimeOffset now)
    {
        var checks = _next.TryGetValue(conversationId, out var next) ? next.Checks + 1 : 1;
        var wait = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * Math.Pow(2, checks - 1), MaxWait.Ticks));
        _next[conversationId] = new Next(checks, now + wait);
    }

    public void Forget(string conversationId) => _next.Remove(conversationId);

    /// <summary>Forgets every conversation not in <paramref name="due"/>: it ended, or was given up.</summary>
    public void KeepOnly(IReadOnlySet<string> due)
    {
        foreach (var conversationId in _next.Keys.Where(id => !due.Contains(id)).ToList())
        {
            _next.Remove(conversationId);
        }
    }

    private sealed record Next(int Checks, DateTimeOffset At);
}
