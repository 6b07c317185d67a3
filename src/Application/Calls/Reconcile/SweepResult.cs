namespace CallTranscription.Application.Calls.Reconcile;

/// <param name="Due">Conversations due, not given up.</param>
/// <param name="GivenUp">Conversations this sweep gave up: open past Reconciliation:GiveUpAfter.</param>
/// <param name="Waiting">Due conversations not checked this time: their next check is later.</param>
/// <param name="Outcomes">Checks made, by outcome; <c>skipped</c> when another instance held it, had just checked it, or it was no longer due.</param>
/// <param name="Stopped">The API refused the key, or gave no answer for <see cref="ReconciliationSweep.StopAfterUnavailable"/>
/// conversations in a row: the rest waits for the next sweep.</param>
public sealed record SweepResult(int Due, int GivenUp, int Waiting, IReadOnlyDictionary<string, int> Outcomes, bool Stopped)
{
    public const string Skipped = "skipped";

    public int Count(string outcome) => Outcomes.GetValueOrDefault(outcome);
}
