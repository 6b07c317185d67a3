using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Telemetry;

namespace CallTranscription.Infrastructure.Persistence.Resilience;

/// <summary>
/// Outer strategy: re-run after a uniqueness conflict. Inner strategy: exponential backoff on transient faults.
/// With the database down a request fails after MaxAttempts, so the bound is
/// MaxAttempts × (connect time) + BaseDelay × (2^(MaxAttempts-1) - 1), plus jitter.
/// </summary>
internal static partial class DatabaseResiliencePipeline
{
    public const string PipelineName = "database-unit-of-work";

    public static ResiliencePipeline Create(IOptions<DatabaseRetryOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger(typeof(DatabaseResiliencePipeline).FullName!);
        var builder = new ResiliencePipelineBuilder { Name = PipelineName }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseFaults.IsConflict),
                MaxRetryAttempts = settings.MaxConflictRetries,
                Delay = TimeSpan.FromMilliseconds(2),
                BackoffType = DelayBackoffType.Linear,
                UseJitter = true,
                OnRetry = retry =>
                {
                    LogConflict(logger, retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
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
                OnRetry = retry =>
                {
                    LogTransientFault(logger, retry.Outcome.Exception, retry.AttemptNumber + 1, settings.MaxAttempts, retry.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Polly's meter (resilience.polly.*) counts the retries; the lines above already log them.
        return builder.ConfigureTelemetry(new TelemetryOptions()).Build();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another writer got there first (conflict {Conflict}); the unit of work runs again")]
    private static partial void LogConflict(ILogger logger, int conflict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient database fault on attempt {Attempt} of {MaxAttempts}; retrying in {Delay}")]
    private static partial void LogTransientFault(ILogger logger, Exception? exception, int attempt, int maxAttempts, TimeSpan delay);
}
