using System.Runtime.CompilerServices;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>Sets the database-generated id, as EF Core does through the private setter, for rows read or written by hand.</summary>
internal static class EntityIds
{
    public static void Set(Call call, int id) => SetCallId(call, id);

    public static void Set(Transcription transcription, int id) => SetTranscriptionId(transcription, id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetCallId(Call call, int id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetTranscriptionId(Transcription transcription, int id);
}
