namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>What one pass of <see cref="WalCheckpointer"/> did.</summary>
internal enum WalCheckpointOutcome
{
    /// <summary>Copied what it could beside the writes; the log was short.</summary>
    Copied,

    /// <summary>Finished the checkpoint between two turns: the next turn starts the log over.</summary>
    Restarted,

    /// <summary>Finished the checkpoint between two turns and emptied a file a burst had grown past twice the limit.</summary>
    Truncated,

    /// <summary>A reader still in the log kept it from starting over; the next pass tries again.</summary>
    Blocked,
}
