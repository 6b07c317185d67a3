using CallTranscription.Application.Calls.Reconcile;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Reconciliation;

/// <summary>
/// One pass over the due conversations: each is claimed, read again, and checked against ElevenLabs, each in a DI scope
/// of its own. A payload the service cannot use is counted and logged for its conversation and the pass goes on. A
/// conversation the API gives no answer for after the retries is checked later, on the backoff of a pending one, and
/// the pass goes on, so one failing conversation blocks no other; a refused key, or <see cref="StopAfterUnavailable"/>
/// conversations in a row without an answer (the API as a whole is down), ends the pass.
/// </summary>
public sealed partial class ReconciliationSweep(
    IServiceScopeFactory scopes,
    IConversationClaims claims,
    IOptions<ReconciliationOptions> options,
    ApiKeyState keyState,
    ReconciliationMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ReconciliationSweep> logger)
{
    public const int StopAfterUnavailable = 3;

    private readonly CheckSchedule _schedule = new(options.Value.Interval);
    private readonly HashSet<string> _warnedGivenUp = [];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await SweepAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var quietBefore = now - settings.QuietPeriod;
        IReadOnlyList<DueConversation> all;
        await using (var scope = scopes.CreateAsyncScope())
        {
            all = await scope.ServiceProvider.GetRequiredService<IDueConversations>().ListAsync(quietBefore, cancellationToken);
        }

        var giveUpBefore = now - settings.GiveUpAfter;
        var due = all.Where(c => c.FirstSeenAt > giveUpBefore).ToList();
        var givenUp = all.Where(c => c.FirstSeenAt <= giveUpBefore).Select(c => c.ConversationId).ToHashSet();
        WarnGivenUp(givenUp, settings.GiveUpAfter);
        _schedule.KeepOnly(due.Select(c => c.ConversationId).ToHashSet());
        metrics.Swept(due.Count, due.Count > 0 ? due[0].QuietSince + settings.QuietPeriod : null, givenUp.Count);

        var outcomes = new Dictionary<string, int>();
        var waiting = 0;
        var unavailableInARow = 0;
        var stopped = false;
        foreach (var conversation in due)
        {
            if (_schedule.IsWaiting(conversation.ConversationId, now))
            {
                waiting++;
                continue;
            }

            var (outcome, api) = await CheckAsync(conversation.ConversationId, quietBefore, now, cancellationToken);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            unavailableInARow = api == ApiAnswer.None ? unavailableInARow + 1 : 0;
            if (api == ApiAnswer.Refused || unavailableInARow == StopAfterUnavailable)
            {
                stopped = true;
                break;
            }
        }

        if (outcomes.Count > 0)
        {
            LogSwept(due.Count, string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}")), waiting);
        }

        return new SweepResult(due.Count, givenUp.Count, waiting, outcomes, stopped);
    }

    private async Task<(string Outcome, ApiAnswer Api)> CheckAsync(string conversationId, DateTimeOffset quietBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var claim = await claims.TryClaimAsync(conversationId, cancellationToken);
            if (claim is null)
            {
                return (SweepResult.Skipped, ApiAnswer.Given); // another instance is checking it now
            }

            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            if (await services.GetRequiredService<IDueConversations>().FindAsync(conversationId, quietBefore, cancellationToken) is null)
            {
                _schedule.Forget(conversationId); // ended since the list was read: by a webhook, or by another instance
                return (SweepResult.Skipped, ApiAnswer.Given);
            }

            var result = await services.GetRequiredService<ConversationReconciler>().ReconcileAsync(conversationId, cancellationToken);
            if (keyState.Accepted())
            {
                LogKeyAccepted();
            }

            if (result.Outcome is ReconcileOutcome.Completed or ReconcileOutcome.Failed)
            {
                _schedule.Forget(conversationId);
            }
            else
            {
                _schedule.CheckLater(conversationId, now);
            }

            metrics.Checked(result.Outcome);
            return (OutcomeName(result.Outcome), ApiAnswer.Given);
        }
        catch (ConversationsApiRefusedException exception)
        {
            metrics.Checked(ReconciliationMetrics.ErrorOutcome);
            if (keyState.Refused(exception.StatusCode))
            {
                LogKeyRefused(exception.StatusCode);
            }

            return (ReconciliationMetrics.ErrorOutcome, ApiAnswer.Refused);
        }
        catch (ConversationsApiUnavailableException exception)
        {
            metrics.Checked(ReconciliationMetrics.ErrorOutcome);
            _schedule.CheckLater(conversationId, now);
            LogUnavailable(conversationId, exception.Message);
            return (ReconciliationMetrics.ErrorOutcome, ApiAnswer.None);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Checked(ReconciliationMetrics.ErrorOutcome);
            _schedule.CheckLater(conversationId, now);
            LogCheckFailed(exception, conversationId);
            return (ReconciliationMetrics.ErrorOutcome, ApiAnswer.Given);
        }
    }

    private void WarnGivenUp(IReadOnlySet<string> givenUp, TimeSpan giveUpAfter)
    {
        _warnedGivenUp.IntersectWith(givenUp);
        foreach (var conversationId in givenUp.Where(_warnedGivenUp.Add))
        {
            LogGivenUp(conversationId, giveUpAfter);
        }
    }

    /// <summary>What the API did for one check: answered (or was not asked), gave no answer after the retries, refused the key.</summary>
    private enum ApiAnswer
    {
        Given,
        None,
        Refused,
    }

    private static string OutcomeName(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Completed => "completed",
        ReconcileOutcome.Failed => "failed",
        ReconcileOutcome.Pending => "pending",
        ReconcileOutcome.NotFound => "not_found",
        _ => ReconciliationMetrics.ErrorOutcome,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation: {Due} conversations due; checked {Outcomes}; {Waiting} waiting for a later check")]
    private partial void LogSwept(int due, string outcomes, int waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "ElevenLabs' Conversations API refuses ElevenLabs:ApiKey ({StatusCode}): reconciliation is paused "
        + "and tries one conversation a sweep until the key is accepted; webhooks are still accepted. Set ElevenLabs:ApiKey to a valid key")]
    private partial void LogKeyRefused(int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "ElevenLabs' Conversations API accepts ElevenLabs:ApiKey again: reconciliation resumes")]
    private partial void LogKeyAccepted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "ElevenLabs' Conversations API gave no answer for conversation {ConversationId} after the retries "
        + "({Problem}); it is checked again later")]
    private partial void LogUnavailable(string conversationId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking conversation {ConversationId} failed; it is checked again later")]
    private partial void LogCheckFailed(Exception exception, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} has not ended within Reconciliation:GiveUpAfter ({GiveUpAfter}); "
        + "it is no longer checked. `backfill --conversation` stores it once ElevenLabs has it")]
    private partial void LogGivenUp(string conversationId, TimeSpan giveUpAfter);
}
