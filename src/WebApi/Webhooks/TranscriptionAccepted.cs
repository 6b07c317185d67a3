using System.Text.Json.Serialization;
using CallTranscription.Application.Transcriptions.SaveTranscription;

namespace CallTranscription.WebApi.Webhooks;

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
