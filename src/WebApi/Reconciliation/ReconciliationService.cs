using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Infrastructure.ElevenLabs;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Reconciliation;

/// <summary>Sweeps every Reconciliation:Interval while ElevenLabs:ApiKey is set; says at start-up whether it is on.</summary>
internal sealed partial class ReconciliationService(
    ReconciliationSweep sweep,
    IOptions<ElevenLabsApiOptions> api,
    IOptions<ReconciliationOptions> options,
    TimeProvider timeProvider,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!api.Value.HasApiKey)
        {
            LogOff();
            return;
        }

        var settings = options.Value;
        LogOn(api.Value.ApiBaseUrl, settings.QuietPeriod, settings.Interval, settings.GiveUpAfter);
        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation is off: set ElevenLabs:ApiKey to close calls whose post-call event never came")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation is on against {ApiBaseUrl}: a conversation quiet for {QuietPeriod} is checked, "
        + "every {Interval}, until {GiveUpAfter} after it began")]
    private partial void LogOn(Uri apiBaseUrl, TimeSpan quietPeriod, TimeSpan interval, TimeSpan giveUpAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reconciliation sweep failed; the next one runs as usual")]
    private partial void LogSweepFailed(Exception exception);
}
