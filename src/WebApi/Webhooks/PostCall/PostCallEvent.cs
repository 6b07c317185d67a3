using System.Text.Json;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>A verified post-call event: its type, and its whole body when the type is one the service reads.</summary>
public sealed class PostCallEvent(string type, JsonDocument? document) : IDisposable
{
    public string Type { get; } = type;

    /// <summary>The envelope's <c>data</c> object; only for the types the service reads.</summary>
    public JsonElement Data => document?.RootElement.GetProperty("data")
        ?? throw new InvalidOperationException($"The data of a {Type} event is not kept.");

    public double EventTimestamp => document?.RootElement.GetProperty("event_timestamp").GetDouble()
        ?? throw new InvalidOperationException($"The body of a {Type} event is not kept.");

    public void Dispose() => document?.Dispose();
}
