using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CallTranscription.Infrastructure.Persistence.Resilience;

/// <summary>
/// Outer strategy: re-run after a uniqueness conflict. Inner strategy: exponential backoff on transient faults.
/// With the database down a request fails after MaxAttempts, so the bound is
/// MaxAttempts × (connect time) + BaseDelay × (2^(MaxAttempts-1) - 1), plus jitter.
/// </summary>
internal static class DatabaseResiliencePipeline
{
    public static ResiliencePipeline Create(IOptions<DatabaseRetryOptions> options)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseFaults.IsConflict),
                MaxRetryAttempts = settings.MaxConflictRetries,
                Delay = TimeSpan.FromMilliseconds(2),
                BackoffType = DelayBackoffType.Linear,
                UseJitter = true,
            });
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseFaults.IsTransient),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                Delay = settings.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder.Build();
    }
}
