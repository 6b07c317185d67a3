namespace CallTranscription.WebApi.Reconciliation;

/// <summary>`backfill`'s own exit codes, beside the service's (0 success, 2 invalid configuration, 3 database unavailable).</summary>
public static class BackfillExitCodes
{
    /// <summary>ElevenLabs' Conversations API refused ElevenLabs:ApiKey (401 or 403).</summary>
    public const int ApiKeyRefused = 5;

    /// <summary>ElevenLabs' Conversations API could not be reached, or gave no answer after the retries.</summary>
    public const int ApiUnavailable = 6;

    /// <summary>Ctrl+C or SIGTERM: what was stored until then stays stored, and the summary says how much.</summary>
    public const int Interrupted = 130;
}
