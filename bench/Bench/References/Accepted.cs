using System.Text.Json.Serialization;

namespace CallTranscription.Bench.References;

/// <summary>The service's 201 body (TranscriptionAccepted).</summary>
internal sealed record Accepted(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("transcription_id")] int TranscriptionId,
    [property: JsonPropertyName("sequence_number")] int SequenceNumber)
{
    public static Accepted From(StoredTurn stored) => new(
        "success",
        stored.Replayed ? "Transcription already stored; nothing new was written" : "Transcription stored",
        stored.Id,
        stored.SequenceNumber);
}

[JsonSerializable(typeof(TurnRequest))]
[JsonSerializable(typeof(Accepted))]
internal sealed partial class ReferenceJson : JsonSerializerContext;
