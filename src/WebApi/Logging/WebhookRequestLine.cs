using System.Collections;
using System.Globalization;
using System.Text;

namespace CallTranscription.WebApi.Logging;

/// <summary>
/// The one log line of a webhook request: every field structured (the same names whatever the outcome, null when not
/// known), and a message that names only what is known, so the console never shows an empty placeholder.
/// </summary>
internal sealed class WebhookRequestLine(
    WebhookRequestLog log, string outcome, int statusCode, TimeSpan duration, TimeSpan? slowThreshold,
    string? clientAddress, string requestId, string? traceId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields =
    [
        new("Outcome", outcome),
        new("ConversationId", log.ConversationId),
        new("SequenceNumber", log.SequenceNumber),
        new("Speaker", log.Speaker),
        new("StatusCode", statusCode),
        new("DurationMs", duration.TotalMilliseconds),
        new("Slow", slowThreshold is not null),
        new("MessageLength", log.MessageLength),
        new("Error", log.Error),
        new("ClientAddress", clientAddress),
        new("RequestId", requestId),
        new("TraceId", traceId),
    ];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var text = new StringBuilder("Webhook ").Append(outcome);
        if (log.ConversationId is not null)
        {
            text.Append(" conversation ").Append(log.ConversationId);
            Append(text, " turn ", log.SequenceNumber);
            Append(text, " (", log.Speaker, ")");
        }

        text.Append(CultureInfo.InvariantCulture, $": {statusCode} in {duration.TotalMilliseconds:0.0} ms");
        if (slowThreshold is { } threshold)
        {
            text.Append(CultureInfo.InvariantCulture, $", slow (over {threshold.TotalMilliseconds:0} ms)");
        }

        Append(text, ", message length ", log.MessageLength);
        Append(text, ", error: ", log.Error);
        (string Label, string? Value)[] origin = [("client", clientAddress), ("request", requestId), ("trace", traceId)];
        var where = string.Join(", ", origin.Where(part => part.Value is not null).Select(part => $"{part.Label} {part.Value}"));
        return (where.Length > 0 ? text.Append(" [").Append(where).Append(']') : text).ToString();
    }

    private static void Append(StringBuilder text, string before, object? value, string after = "")
    {
        if (value is not null)
        {
            text.Append(before).Append(CultureInfo.InvariantCulture, $"{value}").Append(after);
        }
    }
}
