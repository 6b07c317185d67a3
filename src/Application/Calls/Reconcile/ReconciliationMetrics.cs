using System.Diagnostics.Metrics;
using CallTranscription.Application.Common.Telemetry;

namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>Reconciliation's instruments on the service's meter; the gauges read the last sweep's figures.</summary>
public sealed class ReconciliationMetrics
{
    public const string ChecksName = "calltranscription.reconciliation.checks";
    public const string DueName = "calltranscription.reconciliation.due";
    public const string OldestDueAgeName = "calltranscription.reconciliation.oldest_due_age";
    public const string GivenUpName = "calltranscription.reconciliation.given_up";
    public const string OutcomeAttribute = "outcome";
    public const string ErrorOutcome = "error";

    private readonly Counter<long> _checks;
    private readonly Counter<long> _givenUp;
    private readonly TimeProvider _timeProvider;
    private Snapshot _last = new(0, null);

    public ReconciliationMetrics(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        var meter = meterFactory.Create(CallTranscriptionTelemetry.Name);
        _checks = meter.CreateCounter<long>(ChecksName, "{check}", "Conversations checked against ElevenLabs' Conversations API, by outcome.");
        _givenUp = meter.CreateCounter<long>(GivenUpName, "{conversation}", "Conversations given up: still open past Reconciliation:GiveUpAfter, no longer checked.");
        meter.CreateObservableGauge(DueName, () => Volatile.Read(ref _last).Due, "{conversation}", "Conversations due for a check.");
        meter.CreateObservableGauge(OldestDueAgeName, OldestDueAge, "s", "How long the longest-due conversation has been due.");
    }

    /// <summary>The <c>outcome</c> of a check; <see cref="ErrorOutcome"/> when it had none (the check failed) or the answer was unusable.</summary>
    public static string OutcomeOf(ReconcileOutcome? outcome) => outcome switch
    {
        ReconcileOutcome.Completed => "completed",
        ReconcileOutcome.Failed => "failed",
        ReconcileOutcome.Pending => "pending",
        ReconcileOutcome.NotFound => "not_found",
        _ => ErrorOutcome,
    };

    public void Checked(ReconcileOutcome? outcome) => _checks.Add(1, new KeyValuePair<string, object?>(OutcomeAttribute, OutcomeOf(outcome)));

    public void GivenUp() => _givenUp.Add(1);

    public void Swept(int due, DateTimeOffset? oldestDueAt) => Volatile.Write(ref _last, new Snapshot(due, oldestDueAt));

    private double OldestDueAge() =>
        Volatile.Read(ref _last).OldestDueAt is { } dueAt ? Math.Max(0, (_timeProvider.GetUtcNow() - dueAt).TotalSeconds) : 0;

    private sealed record Snapshot(int Due, DateTimeOffset? OldestDueAt);
}
