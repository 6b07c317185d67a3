using System.Data.Common;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence.Configurations;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// The rows the per-turn statements read, in the model's encoding, for the providers that run those statements by hand
/// (SQLite: ADR 0007; PostgreSQL: ADR 0014). StoredEncodingTests hold them to what EF Core itself stores and reads.
/// </summary>
internal static class TurnRows
{
    public const string CallColumns = "id, conversation_id, driver_id, call_start_time, call_end_time, status, created_at, updated_at";

    public const string TranscriptionColumns =
        "id, conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at";

    /// <summary>The columns an insert writes (the database generates the id), in the order of <see cref="InsertValues"/>.</summary>
    public const string TranscriptionInsertColumns =
        "conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at";

    public static Call ReadCall(DbDataReader reader)
    {
        var call = new Call
        {
            ConversationId = reader.GetString(1),
            DriverId = reader.IsDBNull(2) ? null : reader.GetInt32(2),
            CallStartTime = reader.GetFieldValue<DateTimeOffset>(3),
            CallEndTime = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            Status = StoredNames.CallStatus.ConvertFromProviderTyped(reader.GetString(5)),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(7),
        };
        EntityIds.Set(call, reader.GetInt32(0));
        return call;
    }

    public static Transcription ReadTranscription(DbDataReader reader)
    {
        var transcription = new Transcription
        {
            ConversationId = reader.GetString(1),
            SpeakerType = StoredNames.SpeakerType.ConvertFromProviderTyped(reader.GetString(2)),
            MessageText = reader.GetString(3),
            Timestamp = reader.GetFieldValue<DateTimeOffset>(4),
            SequenceNumber = reader.GetInt32(5),
            ContentHash = reader.GetString(6),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(7),
        };
        EntityIds.Set(transcription, reader.GetInt32(0));
        return transcription;
    }

    /// <summary>A turn's values for <see cref="TranscriptionInsertColumns"/>, as the model stores them.</summary>
    public static object[] InsertValues(Transcription transcription) =>
    [
        transcription.ConversationId,
        StoredNames.SpeakerType.ConvertToProviderTyped(transcription.SpeakerType),
        transcription.MessageText,
        transcription.Timestamp,
        transcription.SequenceNumber,
        transcription.ContentHash,
        transcription.CreatedAt,
    ];
}
