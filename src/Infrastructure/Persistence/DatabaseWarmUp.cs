using CallTranscription.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// Runs every read of a turn once before the service takes traffic, for a conversation no sender can name, so EF Core
/// builds its model and compiles those queries here instead of in every request of the first burst at the same time.
/// Reads only: a rehearsed insert, even rolled back, would use up identity values on PostgreSQL and SQL Server.
/// </summary>
public static partial class DatabaseWarmUp
{
    // Conversation ids are validated to hold no spaces.
    private const string ConversationId = "warm up";

    /// <summary>Skipped when start-up was told not to wait for the database (Database:StartupTimeout=0).</summary>
    public static async Task WarmUpAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.StartupTimeout == TimeSpan.Zero && !options.ShouldMigrateOnStartup)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseWarmUp).FullName!);
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var started = timeProvider.GetTimestamp();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var calls = scope.ServiceProvider.GetRequiredService<ICallRepository>();
            var transcriptions = scope.ServiceProvider.GetRequiredService<ITranscriptionRepository>();
            await calls.FindForUpdateAsync(ConversationId, cancellationToken);
            await transcriptions.FindByContentHashAsync(ConversationId, new string('0', 64), cancellationToken);
            await transcriptions.GetLastSequenceNumberAsync(ConversationId, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<IDriverLookup>().FindDriverIdByConversationIdAsync(ConversationId, cancellationToken);
            LogWarmedUp(logger, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception); // only the first requests are slower for it
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reads warmed up in {ElapsedMs:0} ms")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the database reads failed; the first requests will be slower")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
