using CallTranscription.Application.Common.Exceptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>
/// Brings one conversation up to what ElevenLabs holds: an ended conversation goes through the post-call webhook's own
/// commands, so placement, exactly-once, the driver lookup and notifications are the webhook's. Logs ids and counts only.
/// </summary>
public sealed partial class ConversationReconciler(IConversationsApi api, IMediator mediator, ILogger<ConversationReconciler> logger)
{
    /// <exception cref="ConversationsApiRefusedException">The API refused the key.</exception>
    /// <exception cref="ConversationsApiUnavailableException">The API gave no answer after the retries.</exception>
    public async Task<ReconcileResult> ReconcileAsync(string conversationId, CancellationToken cancellationToken)
    {
        Conversation? conversation;
        try
        {
            conversation = await api.GetAsync(conversationId, cancellationToken);
        }
        catch (InvalidConversationException exception)
        {
            return Invalid(conversationId, exception.Message);
        }

        if (conversation is null)
        {
            return new ReconcileResult(conversationId, ReconcileOutcome.NotFound);
        }

        if (ConversationStatus.IsPending(conversation.Status))
        {
            return new ReconcileResult(conversationId, ReconcileOutcome.Pending, Detail: conversation.Status);
        }

        if (!ConversationStatus.HasEnded(conversation.Status))
        {
            return Invalid(conversationId, conversation.Status is null ? "status is missing." : "status is not one the service knows.");
        }

        if (conversation.ConversationId != conversationId)
        {
            return Invalid(conversationId, "conversation_id is not the one asked for.");
        }

        var outcome = conversation.Status == ConversationStatus.Failed ? ReconcileOutcome.Failed : ReconcileOutcome.Completed;
        try
        {
            if (ConversationCommands.NeverConnected(conversation))
            {
                var failed = await mediator.Send(ConversationCommands.FailCall(conversation), cancellationToken);
                return new ReconcileResult(conversationId, outcome, failed.CallStatus, ChangedNothing: !failed.CallEnded);
            }

            var result = await mediator.Send(ConversationCommands.CompleteCall(conversation), cancellationToken);
            if (!result.ChangedNothing)
            {
                LogReconciled(conversationId, result.CallStatus, result.TurnsStored, result.TurnsAlreadyStored);
            }

            return new ReconcileResult(conversationId, outcome, result.CallStatus, result.ChangedNothing, result.TurnsStored);
        }
        catch (ValidationException exception)
        {
            return Invalid(conversationId, $"invalid or missing: {string.Join(", ", exception.Errors.Keys)}.");
        }
    }

    private ReconcileResult Invalid(string conversationId, string problem)
    {
        LogInvalid(conversationId, problem);
        return new ReconcileResult(conversationId, ReconcileOutcome.Invalid, Detail: problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} reconciled from ElevenLabs' Conversations API: "
        + "call {CallStatus}, {TurnsStored} turns stored, {TurnsAlreadyStored} already stored")]
    private partial void LogReconciled(string conversationId, Domain.Calls.CallStatus callStatus, int turnsStored, int turnsAlreadyStored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} from ElevenLabs' Conversations API cannot be stored: {Problem} Nothing was stored")]
    private partial void LogInvalid(string conversationId, string problem);
}
