using System.Runtime.InteropServices;
using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.ElevenLabs;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.Startup;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Reconciliation;

/// <summary>
/// Stores conversations of any age from ElevenLabs' Conversations API through the reconciler's path (the post-call
/// webhook's commands), whether or not they have a call record: one line each, then a summary.
/// </summary>
public static class Backfill
{
    /// <summary>What the command line asks to back-fill, once the settings are valid.</summary>
    /// <exception cref="InvalidConfigurationException">The command line is not a back-fill, or no API key is set.</exception>
    public static BackfillRequest RequestFrom(IServiceProvider services, string[] args)
    {
        var (request, problem) = BackfillRequest.Parse(args);
        if (problem is null && !services.GetRequiredService<IOptions<ElevenLabsApiOptions>>().Value.HasApiKey)
        {
            problem = "backfill needs ElevenLabs:ApiKey.";
        }

        return problem is null ? request! : throw new InvalidConfigurationException(problem);
    }

    /// <summary>Runs until done, or until Ctrl+C or SIGTERM (the host handles them only once it serves), then reports.</summary>
    public static async Task<int> RunUntilInterruptedAsync(IServiceProvider services, BackfillRequest request, TextWriter output)
    {
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        return await RunAsync(services, request, output, interrupted.Token);

        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, BackfillRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var tally = new BackfillTally();
        try
        {
            await foreach (var (conversationId, listedStatus) in ConversationsAsync(services, request, cancellationToken))
            {
                if (listedStatus is not null && !ConversationStatus.HasEnded(listedStatus))
                {
                    await output.WriteLineAsync(tally.Skipped(conversationId, $"ElevenLabs says {listedStatus}"));
                    continue;
                }

                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ConversationReconciler>().ReconcileAsync(conversationId, cancellationToken);
                await output.WriteLineAsync(tally.Add(result));
            }
        }
        catch (ConversationsApiRefusedException exception)
        {
            await output.WriteLineAsync($"backfill stopped: {exception.Message} Until then: {tally}.");
            return BackfillExitCodes.ApiKeyRefused;
        }
        catch (ConversationsApiUnavailableException exception)
        {
            await output.WriteLineAsync($"backfill stopped: {exception.Message} Until then: {tally}.");
            return BackfillExitCodes.ApiUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"backfill interrupted: {tally}");
            return BackfillExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            // The database failing halfway, say: the failure goes on to its exit code, and the operator learns how far it got.
            await output.WriteLineAsync($"backfill stopped: {exception.GetType().Name}. Until then: {tally}.");
            throw;
        }

        await output.WriteLineAsync($"backfill done: {tally}");
        return ExitCodes.Success;
    }

    private static async IAsyncEnumerable<(string ConversationId, string? ListedStatus)> ConversationsAsync(
        IServiceProvider services, BackfillRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (request.Since is not { } since)
        {
            foreach (var conversationId in request.Conversations.Distinct())
            {
                yield return (conversationId, null);
            }

            yield break;
        }

        await using var scope = services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IConversationsApi>();
        await foreach (var summary in api.ListAsync(since, request.Agent, cancellationToken))
        {
            yield return (summary.ConversationId, summary.Status);
        }
    }

    private sealed class BackfillTally
    {
        private int _stored;
        private int _alreadyComplete;
        private int _failed;
        private int _skipped;

        public string Add(ReconcileResult result)
        {
            switch (result.Outcome)
            {
                case ReconcileOutcome.Completed or ReconcileOutcome.Failed when result.ChangedNothing:
                    _alreadyComplete++;
                    return Line(result.ConversationId, "already complete", $"call {Name(result.CallStatus)}");
                case ReconcileOutcome.Completed or ReconcileOutcome.Failed:
                    _stored++;
                    return Line(result.ConversationId, "stored", $"call {Name(result.CallStatus)}, {result.TurnsStored} turns stored");
                case ReconcileOutcome.Pending:
                    return Skipped(result.ConversationId, $"ElevenLabs says {result.Detail}");
                case ReconcileOutcome.NotFound:
                    return Skipped(result.ConversationId, "ElevenLabs does not know it (404)");
                default:
                    _failed++;
                    return Line(result.ConversationId, "failed", result.Detail ?? "");
            }
        }

        public string Skipped(string conversationId, string why)
        {
            _skipped++;
            return Line(conversationId, "skipped", why);
        }

        public override string ToString() =>
            $"{_stored} stored, {_alreadyComplete} already complete, {_failed} failed, {_skipped} skipped";

        private static string Line(string conversationId, string outcome, string detail) => $"{conversationId}  {outcome}  {detail}";

        private static string Name(CallStatus? status) => status switch
        {
            CallStatus.Completed => "completed",
            CallStatus.Failed => "failed",
            _ => "in_progress",
        };
    }
}
