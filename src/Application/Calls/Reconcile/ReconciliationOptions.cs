namespace CallTranscription.Application.Calls.Reconcile;

public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>A conversation is due once nothing has arrived for it for this long.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Time between sweeps.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this (from when the service first knew of it) a conversation is no longer checked.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);
}
