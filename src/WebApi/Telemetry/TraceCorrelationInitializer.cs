using System.Diagnostics;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.Extensibility;

namespace CallTranscription.WebApi.Telemetry;

/// <summary>
/// Gives each log record sent through the Application Insights logging provider the operation of the current trace,
/// so that Application Insights shows it under the request the Azure Monitor exporter sends for the same trace.
/// </summary>
internal sealed class TraceCorrelationInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        if (Activity.Current is { } activity && string.IsNullOrEmpty(telemetry.Context.Operation.Id))
        {
            telemetry.Context.Operation.Id = activity.TraceId.ToHexString();
            telemetry.Context.Operation.ParentId = activity.SpanId.ToHexString();
        }
    }
}
