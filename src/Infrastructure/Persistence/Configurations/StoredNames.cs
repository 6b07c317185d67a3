using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

/// <summary>Enum values as the contract spells them in the database.</summary>
internal static class StoredNames
{
    public static readonly ValueConverter<CallStatus, string> CallStatus = new(
        status => status == Domain.Calls.CallStatus.InProgress ? "in_progress"
            : status == Domain.Calls.CallStatus.Completed ? "completed"
            : "failed",
        value => value == "in_progress" ? Domain.Calls.CallStatus.InProgress
            : value == "completed" ? Domain.Calls.CallStatus.Completed
            : Domain.Calls.CallStatus.Failed);

    public static readonly ValueConverter<SpeakerType, string> SpeakerType = new(
        speaker => speaker == Domain.Transcriptions.SpeakerType.Agent ? "agent" : "driver",
        value => value == "agent" ? Domain.Transcriptions.SpeakerType.Agent : Domain.Transcriptions.SpeakerType.Driver);
}
