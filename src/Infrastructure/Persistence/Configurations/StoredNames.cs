using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

/// <summary>
/// Enum values as the contract spells them in the database. A value outside the contract, either way, fails loudly:
/// read as some other value, a row written by hand or by a newer version would be silently misreported.
/// </summary>
internal static class StoredNames
{
    public static readonly ValueConverter<CallStatus, string> CallStatus = new(
        status => ToStored(status),
        value => ToCallStatus(value));

    public static readonly ValueConverter<SpeakerType, string> SpeakerType = new(
        speaker => ToStored(speaker),
        value => ToSpeakerType(value));

    public static string ToStored(CallStatus status) => status switch
    {
        Domain.Calls.CallStatus.InProgress => "in_progress",
        Domain.Calls.CallStatus.Completed => "completed",
        Domain.Calls.CallStatus.Failed => "failed",
        _ => throw Unknown("calls.status", status),
    };

    public static CallStatus ToCallStatus(string value) => value switch
    {
        "in_progress" => Domain.Calls.CallStatus.InProgress,
        "completed" => Domain.Calls.CallStatus.Completed,
        "failed" => Domain.Calls.CallStatus.Failed,
        _ => throw Unknown("calls.status", value),
    };

    public static string ToStored(SpeakerType speaker) => speaker switch
    {
        Domain.Transcriptions.SpeakerType.Agent => "agent",
        Domain.Transcriptions.SpeakerType.Driver => "driver",
        _ => throw Unknown("call_transcriptions.speaker_type", speaker),
    };

    public static SpeakerType ToSpeakerType(string value) => value switch
    {
        "agent" => Domain.Transcriptions.SpeakerType.Agent,
        "driver" => Domain.Transcriptions.SpeakerType.Driver,
        _ => throw Unknown("call_transcriptions.speaker_type", value),
    };

    private static InvalidOperationException Unknown(string column, object value) =>
        new($"'{value}' is not a known {column} value.");
}
