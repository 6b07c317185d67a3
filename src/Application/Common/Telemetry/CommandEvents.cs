using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.FailCall;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Calls;
using static CallTranscription.Application.Common.Telemetry.TelemetryValues;

namespace CallTranscription.Application.Common.Telemetry;

/// <summary>What a command's result says happened, counted on the service's instruments: one place for every command.</summary>
internal static class CommandEvents
{
    public static string? ConversationIdOf(object? command) => command switch
    {
        SaveTranscriptionCommand save => save.ConversationId,
        CompleteCallCommand complete => complete.ConversationId,
        FailCallCommand fail => fail.ConversationId,
        _ => null,
    };

    /// <summary>Counts the events of a command that succeeded, and returns the unit of work's outcome.</summary>
    public static string Record(object? result, CallTranscriptionTelemetry telemetry)
    {
        switch (result)
        {
            case SaveTranscriptionResult save:
                CountStart(save.CallStarted, telemetry);
                if (save.Replayed)
                {
                    telemetry.TurnsReplayed(PerTurn, 1);
                    return Replayed;
                }

                telemetry.TurnsStored(PerTurn, 1);
                return Committed;

            case CompleteCallResult complete:
                CountStart(complete.CallStarted, telemetry);
                telemetry.TurnsStored(PostCall, complete.TurnsStored);
                telemetry.TurnsReplayed(PostCall, complete.TurnsAlreadyStored);
                telemetry.UnplacedEntries(complete.UnplacedEntries.Count);
                CountEnd(complete.CallEnded, complete.CallStatus, telemetry);
                return complete.ChangedNothing ? Replayed : Committed;

            case FailCallResult fail:
                CountStart(fail.CallStarted, telemetry);
                CountEnd(fail.CallEnded, fail.CallStatus, telemetry);
                return fail.CallEnded ? Committed : Replayed;

            default:
                return Committed;
        }
    }

    private static void CountStart(bool started, CallTranscriptionTelemetry telemetry)
    {
        if (started)
        {
            telemetry.CallStarted();
        }
    }

    private static void CountEnd(bool ended, CallStatus status, CallTranscriptionTelemetry telemetry)
    {
        if (ended)
        {
            telemetry.CallEnded(status == CallStatus.Failed ? Failed : Completed);
        }
    }
}
