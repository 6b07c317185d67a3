using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// Rehearses one turn through the repositories before the service takes traffic: every read (and the post-call
/// handlers' read of the call), then both inserts in one attempt of the unit of work, rolled back. EF Core builds its
/// model and compiles each query and its update pipeline once, here, instead of in every request of the first burst at
/// the same time. The reads run first, outside the transaction, so the insert's transaction (and its locks) lasts only
/// the insert.
/// </summary>
public static partial class DatabaseWarmUp
{
    // Not a conversation a sender can name: conversation ids are validated to hold no spaces.
    public const string ConversationId = "warm up";

    /// <summary>Skipped when start-up was told not to wait for the database (Database:StartupTimeout=0).</summary>
    public static async Task WarmUpAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.StartupTimeout == TimeSpan.Zero && !options.ShouldMigrateOnStartup)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseWarmUp).FullName!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartupTimeout > TimeSpan.Zero ? options.StartupTimeout : TimeSpan.FromSeconds(30));
        try
        {
            var timeProvider = services.GetRequiredService<TimeProvider>();
            var started = timeProvider.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            await RehearseTurnAsync(scope.ServiceProvider, timeout.Token);
            LogWarmedUp(logger, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the first requests are slower for it.
            LogFailed(logger, exception);
        }
    }

    private static async Task RehearseTurnAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var calls = services.GetRequiredService<ICallRepository>();
        var transcriptions = services.GetRequiredService<ITranscriptionRepository>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        await calls.FindForUpdateAsync(ConversationId, cancellationToken);
        await transcriptions.FindByContentHashAsync(ConversationId, new string('0', 64), cancellationToken);
        await services.GetRequiredService<IDriverLookup>().FindDriverIdByConversationIdAsync(ConversationId, cancellationToken);
        var sequenceNumber = await transcriptions.GetLastSequenceNumberAsync(ConversationId, cancellationToken) + 1;

        var unitOfWork = ActivatorUtilities.CreateInstance<TransactionalUnitOfWork>(services);
        await unitOfWork.RehearseAsync(_ =>
        {
            calls.Add(Call.StartedBy(ConversationId, driverId: null, now, now));
            transcriptions.Add(new Transcription
            {
                ConversationId = ConversationId, SpeakerType = SpeakerType.Agent, MessageText = "warm up", Timestamp = now,
                SequenceNumber = sequenceNumber, ContentHash = new string('0', 64), CreatedAt = now,
            });
            return Task.CompletedTask;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database path warmed up in {ElapsedMs:0} ms (one turn rehearsed and rolled back)")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the database path failed; the first requests will be slower")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
