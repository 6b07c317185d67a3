using System.Text.Json;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

/// <summary>
/// Enum values as the contract spells them in the database: the member's name in snake case (InProgress, in_progress).
/// A value outside the contract, either way, fails loudly: read as some other value, a row written by hand or by a
/// newer version would be silently misreported.
/// </summary>
internal static class StoredNames
{
    public static readonly ValueConverter<CallStatus, string> CallStatus = SnakeCase<CallStatus>("calls.status");

    public static readonly ValueConverter<SpeakerType, string> SpeakerType = SnakeCase<SpeakerType>("call_transcriptions.speaker_type");

    private static ValueConverter<TEnum, string> SnakeCase<TEnum>(string column)
        where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().ToDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));
        var values = names.ToDictionary(pair => pair.Value, pair => pair.Key);
        return new(value => Known(names, value, column), name => Known(values, name, column));
    }

    private static TTo Known<TFrom, TTo>(Dictionary<TFrom, TTo> map, TFrom from, string column)
        where TFrom : notnull =>
        map.TryGetValue(from, out var to) ? to : throw new InvalidOperationException($"'{from}' is not a known {column} value.");
}
