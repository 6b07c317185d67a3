using System.Text.Json;
using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.FailCall;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// The commands in an event's <c>data</c>. Only the fields the service uses are read, any other is ignored; a field
/// missing or null stays null for the validator, and one of the wrong JSON type is a 400 that names it.
/// </summary>
public static class PostCallCommands
{
    public static CompleteCallCommand CompleteCall(PostCallEvent postCall)
    {
        var data = postCall.Data;
        var metadata = Read(data, "metadata", "data.metadata", JsonValueKind.Object);
        var transcript = Read(data, "transcript", "data.transcript", JsonValueKind.Array);
        var entries = transcript is { } array
            ? array.EnumerateArray().Select((entry, i) => Entry(entry, $"data.transcript[{i}]")).ToList()
            : [];
        return new CompleteCallCommand(
            String(data, "conversation_id", "data.conversation_id"),
            String(data, "status", "data.status"),
            Number(metadata, "start_time_unix_secs", "data.metadata.start_time_unix_secs"),
            Number(metadata, "call_duration_secs", "data.metadata.call_duration_secs"),
            entries);
    }

    public static FailCallCommand FailCall(PostCallEvent postCall) => new(
        String(postCall.Data, "conversation_id", "data.conversation_id"),
        String(postCall.Data, "failure_reason", "data.failure_reason"),
        postCall.EventTimestamp);

    private static TranscriptEntry Entry(JsonElement entry, string path) => entry.ValueKind == JsonValueKind.Object
        ? new TranscriptEntry(String(entry, "role", $"{path}.role"), String(entry, "message", $"{path}.message"),
            Number(entry, "time_in_call_secs", $"{path}.time_in_call_secs"))
        : throw WrongType(path, "an object", entry);

    private static string? String(JsonElement? parent, string name, string path)
    {
        if (Read(parent, name, path, JsonValueKind.String) is not { } value)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no valid text.
            throw PostCallRequestReader.Reject($"{path} is not valid Unicode text.");
        }
    }

    private static double? Number(JsonElement? parent, string name, string path) =>
        Read(parent, name, path, JsonValueKind.Number)?.GetDouble();

    private static JsonElement? Read(JsonElement? parent, string name, string path, JsonValueKind kind)
    {
        if (parent is not { } element || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var expected = kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            _ => "a number",
        };
        return value.ValueKind == kind ? value : throw WrongType(path, expected, value);
    }

    private static Exception WrongType(string path, string expected, JsonElement value) =>
        PostCallRequestReader.Reject($"{path} must be {expected}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
}
