namespace CallTranscription.Application.Calls.Reconcile;

public enum ReconcileOutcome
{
    /// <summary>ElevenLabs says done: the call is completed (now, or it already was).</summary>
    Completed,

    /// <summary>ElevenLabs says failed: the call is failed (now, or it had already ended).</summary>
    Failed,

    /// <summary>Not over yet (initiated, in-progress, processing): check again later.</summary>
    Pending,

    /// <summary>ElevenLabs does not know the conversation (404).</summary>
    NotFound,

    /// <summary>The answer lacks what the service needs, or has it in the wrong shape: nothing stored.</summary>
    Invalid,
}
