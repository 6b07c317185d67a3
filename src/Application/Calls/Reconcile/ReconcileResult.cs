using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Calls.Reconcile;

/// <param name="ChangedNothing">The call had already ended and every turn was stored: a replay.</param>
/// <param name="Detail">ElevenLabs' status when pending; the offending fields when invalid. Never message text.</param>
public sealed record ReconcileResult(
    string ConversationId,
    ReconcileOutcome Outcome,
    CallStatus? CallStatus = null,
    bool ChangedNothing = false,
    int TurnsStored = 0,
    string? Detail = null);
