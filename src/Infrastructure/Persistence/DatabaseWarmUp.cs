using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// Rehearses one turn — every read and both inserts, through the repositories — in a transaction that is rolled back,
/// before the service takes traffic. EF Core then builds its model and compiles each query once, here, instead of in
/// every request of the first burst at the same time (measured: seconds of near-standstill after a start under load).
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
        try
        {
            var timeProvider = services.GetRequiredService<TimeProvider>();
            var started = timeProvider.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            await RehearseTurnAsync(scope.ServiceProvider, cancellationToken);
            LogWarmedUp(logger, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only the first requests are slower for it.
            LogFailed(logger, exception);
        }
    }

    private static async Task RehearseTurnAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var context = services.GetRequiredService<ApplicationDbContext>();
        var calls = services.GetRequiredService<ICallRepository>();
        var transcriptions = services.GetRequiredService<ITranscriptionRepository>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        using var turn = await services.GetRequiredService<IWriteGate>().EnterAsync(cancellationToken);
        context.Database.AutoSavepointsEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await calls.FindForUpdateAsync(ConversationId, cancellationToken);
        await transcriptions.FindByContentHashAsync(ConversationId, new string('0', 64), cancellationToken);
        await services.GetRequiredService<IDriverLookup>().FindDriverIdByConversationIdAsync(ConversationId, cancellationToken);
        var sequenceNumber = await transcriptions.GetLastSequenceNumberAsync(ConversationId, cancellationToken) + 1;
        calls.Add(Call.StartedBy(ConversationId, driverId: null, now, now));
        transcriptions.Add(new Transcription
        {
            ConversationId = ConversationId, SpeakerType = SpeakerType.Agent, MessageText = "warm up", Timestamp = now,
            SequenceNumber = sequenceNumber, ContentHash = new string('0', 64), CreatedAt = now,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database path warmed up in {ElapsedMs:0} ms (one turn rehearsed and rolled back)")]
    private static partial void LogWarmedUp(ILogger logger, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the database path failed; the first requests will be slower")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
