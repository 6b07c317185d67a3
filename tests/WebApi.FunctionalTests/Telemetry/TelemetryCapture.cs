using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

/// <summary>
/// The service's spans, metrics and logs, exported to memory: adding an exporter starts the providers, which then carry
/// everything the service configures to collect.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly LogCapture _logs = new();
    private IServiceProvider? _services;

    public IReadOnlyList<CapturedLog> Logs => _logs.Records;

    public void AddTo(IServiceCollection services) => services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
        .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics))
        .WithLogging(logging => logging.AddProcessor(_logs));

    public void Attach(IServiceProvider services) => _services = services;

    /// <summary>The spans of one trace, once <paramref name="complete"/> says all have ended (a server span ends after its response is sent).</summary>
    public async Task<IReadOnlyList<Activity>> SpansOfAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            List<Activity> spans;
            lock (_spans)
            {
                spans = _spans.Where(span => span.TraceId == traceId).ToList();
            }

            if (complete(spans))
            {
                return spans;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Every point of every instrument now: counters by their sum, histograms by their count.</summary>
    public MetricValues ReadMetrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _services!.GetRequiredService<MeterProvider>().ForceFlush();
            var values = new Dictionary<string, double>();
            foreach (var metric in _metrics)
            {
                foreach (var point in metric.MetricPoints)
                {
                    var tags = new List<string>();
                    foreach (var tag in point.Tags)
                    {
                        tags.Add($"{tag.Key}={tag.Value}");
                    }

                    var value = metric.MetricType switch
                    {
                        MetricType.LongSum => point.GetSumLong(),
                        MetricType.DoubleSum => point.GetSumDouble(),
                        MetricType.Histogram => point.GetHistogramCount(),
                        _ => double.NaN,
                    };
                    values[MetricValues.Key(metric.Name, [.. tags])] = value;
                }
            }

            return new MetricValues(values);
        }
    }

    private sealed class LogCapture : BaseProcessor<LogRecord>
    {
        private readonly List<CapturedLog> _records = [];

        public IReadOnlyList<CapturedLog> Records
        {
            get
            {
                lock (_records)
                {
                    return [.. _records];
                }
            }
        }

        // Records are pooled by the SDK: what the tests read is copied as each one ends.
        public override void OnEnd(LogRecord data)
        {
            lock (_records)
            {
                _records.Add(new CapturedLog(data.CategoryName ?? "", data.FormattedMessage ?? data.Body ?? "", data.TraceId, data.SpanId));
            }
        }
    }
}

public sealed record CapturedLog(string Category, string Message, ActivityTraceId TraceId, ActivitySpanId SpanId);

/// <summary>A reading of every instrument, keyed by name and attributes (in any order).</summary>
public sealed class MetricValues(IReadOnlyDictionary<string, double> values)
{
    public double this[string name, params string[] tags] => values.GetValueOrDefault(Key(name, tags));

    public bool Has(string name) => values.Keys.Any(key => key == name || key.StartsWith(name + "|", StringComparison.Ordinal));

    internal static string Key(string name, string[] tags) => tags.Length == 0 ? name : $"{name}|{string.Join(",", tags.Order(StringComparer.Ordinal))}";
}
