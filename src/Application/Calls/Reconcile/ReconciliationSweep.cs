using System.Diagnostics;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Common.Telemetry;
using CallTranscription.Domain.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>
/// One pass over the due conversations. Each is claimed, read again with its <see cref="ConversationCheck"/>, checked
/// against ElevenLabs, and its next check stored before the claim is let go, so that however many instances sweep,
/// each conversation is fetched once per check. A payload the service cannot use is counted and logged for its
/// conversation and the pass goes on; so does a conversation the API gives no answer for, which waits its backoff. A
/// refused key, or <see cref="StopAfterUnavailable"/> conversations in a row without an answer (the API as a whole is
/// down), ends the pass.
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

    /// <summary>Warnings a sweep writes one by one for conversations it gives up; the rest are told in one line.</summary>
    public const int GivenUpWarnings = 20;

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
        var expired = all.Where(c => c.FirstSeenAt <= giveUpBefore).ToList();
        var due = all.Where(c => c.FirstSeenAt > giveUpBefore).ToList();
        var dueNow = due.Where(c => c.IsDue(now)).ToList();
        metrics.Swept(dueNow.Count, dueNow.Count > 0 ? dueNow[0].QuietSince + settings.QuietPeriod : null);

        var givenUp = 0;
        foreach (var conversation in expired.Select(c => c.ConversationId))
        {
            if (await GiveUpAsync(conversation, quietBefore, cancellationToken) && ++givenUp <= GivenUpWarnings)
            {
                LogGivenUp(conversation, settings.GiveUpAfter);
            }
        }

        if (givenUp > GivenUpWarnings)
        {
            LogMoreGivenUp(givenUp - GivenUpWarnings, settings.GiveUpAfter);
        }

        var outcomes = new Dictionary<string, int>();
        var unavailableInARow = 0;
        var stopped = false;
        foreach (var conversation in dueNow)
        {
            var (outcome, api) = await CheckAsync(conversation.ConversationId, quietBefore, cancellationToken);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            unavailableInARow = api == ApiAnswer.None ? unavailableInARow + 1 : 0;
            if (api == ApiAnswer.Refused || unavailableInARow == StopAfterUnavailable)
            {
                stopped = true;
                break;
            }
        }

        var waiting = due.Count - dueNow.Count;
        if (outcomes.Count > 0)
        {
            LogSwept(due.Count, string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}")), waiting);
        }

        return new SweepResult(due.Count, givenUp, waiting, outcomes, stopped);
    }

    private async Task<(string Outcome, ApiAnswer Api)> CheckAsync(string conversationId, DateTimeOffset quietBefore, CancellationToken cancellationToken)
    {
        using var activity = CallTranscriptionTelemetry.ActivitySource.StartActivity("ReconcileConversation");
        activity?.SetTag(CallTranscriptionTelemetry.ConversationIdAttribute, conversationId);
        var (outcome, api) = await ClaimAndCheckAsync(conversationId, quietBefore, cancellationToken);
        activity?.SetTag(ReconciliationMetrics.OutcomeAttribute, outcome);
        if (outcome == ReconciliationMetrics.ErrorOutcome)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return (outcome, api);
    }

    private async Task<(string Outcome, ApiAnswer Api)> ClaimAndCheckAsync(string conversationId, DateTimeOffset quietBefore, CancellationToken cancellationToken)
    {
        await using var claim = await claims.TryClaimAsync(conversationId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (claim is null || await FindDueAsync(conversationId, quietBefore, now, cancellationToken) is not { } due)
        {
            // Another instance is checking it now, has just checked it, or it ended since the list was read.
            return (SweepResult.Skipped, ApiAnswer.Given);
        }

        var (outcome, api) = await ReconcileAsync(conversationId, cancellationToken);
        metrics.Checked(outcome);

        // Ended: its check is done with. Anything else (not over yet, unknown, no answer, refused, failed) waits its turn.
        await (outcome is ReconcileOutcome.Completed or ReconcileOutcome.Failed
            ? ForgetAsync(conversationId, cancellationToken)
            : CheckLaterAsync(due, now, cancellationToken));
        return (ReconciliationMetrics.OutcomeOf(outcome), api);
    }

    /// <summary>The conversation brought up to what ElevenLabs holds; no outcome when the check itself failed.</summary>
    private async Task<(ReconcileOutcome? Outcome, ApiAnswer Api)> ReconcileAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            ReconcileResult result;
            await using (var scope = scopes.CreateAsyncScope())
            {
                result = await scope.ServiceProvider.GetRequiredService<ConversationReconciler>().ReconcileAsync(conversationId, cancellationToken);
            }

            if (keyState.Accepted())
            {
                LogKeyAccepted();
            }

            return (result.Outcome, ApiAnswer.Given);
        }
        catch (ConversationsApiRefusedException exception)
        {
            if (keyState.Refused(exception.StatusCode))
            {
                LogKeyRefused(exception.StatusCode);
            }

            return (null, ApiAnswer.Refused);
        }
        catch (ConversationsApiUnavailableException exception)
        {
            LogUnavailable(conversationId, exception.Message);
            return (null, ApiAnswer.None);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(exception, conversationId);
            return (null, ApiAnswer.Given);
        }
    }

    private async Task<DueConversation?> FindDueAsync(string conversationId, DateTimeOffset quietBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        await FindAsync(conversationId, quietBefore, cancellationToken) is { } due && due.IsDue(now) ? due : null;

    private async Task<DueConversation?> FindAsync(string conversationId, DateTimeOffset quietBefore, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDueConversations>().FindAsync(conversationId, quietBefore, cancellationToken);
    }

    private Task CheckLaterAsync(DueConversation due, DateTimeOffset now, CancellationToken cancellationToken) =>
        ScheduleAsync(async (checks, token) =>
        {
            (await checks.GetAsync(due.ConversationId, token)).CheckLater(now, options.Value.Interval, due.QuietSince);
            return true;
        }, cancellationToken);

    private Task ForgetAsync(string conversationId, CancellationToken cancellationToken) =>
        ScheduleAsync(async (checks, token) =>
        {
            await checks.ForgetAsync(conversationId, token);
            return true;
        }, cancellationToken);

    /// <summary>Gives the conversation up under its claim, if it is still open, so that one instance warns and counts it.</summary>
    private async Task<bool> GiveUpAsync(string conversationId, DateTimeOffset quietBefore, CancellationToken cancellationToken)
    {
        await using var claim = await claims.TryClaimAsync(conversationId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var givenUp = claim is not null
            && await FindAsync(conversationId, quietBefore, cancellationToken) is not null
            && await ScheduleAsync(async (checks, token) => (await checks.GetAsync(conversationId, token)).GiveUp(now), cancellationToken);
        if (givenUp)
        {
            metrics.GivenUp();
        }

        return givenUp;
    }

    /// <summary>Changes a conversation's check in a unit of work of its own, apart from the commands that store its turns.</summary>
    private async Task<bool> ScheduleAsync(Func<IConversationChecks, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var checks = scope.ServiceProvider.GetRequiredService<IConversationChecks>();
        return await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().ExecuteAsync(token => change(checks, token), cancellationToken);
    }

    /// <summary>What the API did for one check: answered (or was not asked), gave no answer after the retries, refused the key.</summary>
    private enum ApiAnswer
    {
        Given,
        None,
        Refused,
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more conversations have not ended within Reconciliation:GiveUpAfter ({GiveUpAfter}) "
        + "and are no longer checked; calltranscription.reconciliation.given_up counts every one")]
    private partial void LogMoreGivenUp(int count, TimeSpan giveUpAfter);
}
