using System.Text.Json.Serialization;
using CallTranscription.Application.Transcriptions.SaveTranscription;

namespace CallTranscription.WebApi.Webhooks;

// Strict: the ids are integers, not also strings (the web default, which the OpenAPI schema would otherwise show).
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record TranscriptionAccepted(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("transcription_id")] int TranscriptionId,
    [property: JsonPropertyName("sequence_number")] int SequenceNumber)
{
    public static TranscriptionAccepted From(SaveTranscriptionResult result) => new(
        "success",
        result.Replayed ? "Transcription already stored; nothing new was written" : "Transcription stored",
        result.TranscriptionId,
        result.SequenceNumber);
}
