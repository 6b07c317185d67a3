using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallTranscription.WebApi.Health;

/// <summary>
/// <c>{"status":"Healthy","duration_ms":3.1,"checks":[{"name":"database","status":"Healthy","duration_ms":2.0,"description":"..."}]}</c>.
/// Descriptions only: an exception's text may name hosts or credentials.
/// </summary>
internal static class HealthReportJson
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("duration_ms", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("duration_ms", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteString("description", entry.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
