namespace CallTranscription.Infrastructure.Persistence.Resilience;

public sealed class DatabaseRetryOptions
{
    /// <summary>Attempts at a unit of work while the database is failing, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First backoff delay; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Re-runs after losing a race to another writer; each is cheap and the race rarely repeats.</summary>
    public int MaxConflictRetries { get; set; } = 20;
}
