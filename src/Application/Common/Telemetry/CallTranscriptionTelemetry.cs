using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CallTranscription.Application.Common.Telemetry;

/// <summary>
/// The service's own <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>. Instrument
/// names and attributes are a contract with dashboards (docs/operations.md): change them only with the dashboards.
/// </summary>
public sealed class CallTranscriptionTelemetry
{
    public const string Name = "CallTranscription";

    /// <summary>The conversation a span is about, on command and reconciliation spans.</summary>
    public const string ConversationIdAttribute = "calltranscription.conversation_id";

    public static readonly ActivitySource ActivitySource = new(Name);

    // ASP.NET Core's own boundaries for http.server.request.duration, so both histograms read alike.
    private static readonly InstrumentAdvice<double> _durationAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    };

    private readonly Counter<long> _turnsStored;
    private readonly Counter<long> _turnsReplayed;
    private readonly Counter<long> _webhookRejected;
    private readonly Counter<long> _callsStarted;
    private readonly Counter<long> _callsEnded;
    private readonly Counter<long> _unplacedEntries;
    private readonly Histogram<double> _unitOfWorkDuration;

    public CallTranscriptionTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _turnsStored = meter.CreateCounter<long>("calltranscription.turns.stored", "{turn}", "Turns stored, by source.");
        _turnsReplayed = meter.CreateCounter<long>("calltranscription.turns.replayed", "{turn}", "Turns delivered again that were already stored, by source.");
        _webhookRejected = meter.CreateCounter<long>("calltranscription.webhook.rejected", "{request}", "Webhook deliveries refused, by webhook and reason.");
        _callsStarted = meter.CreateCounter<long>("calltranscription.calls.started", "{call}", "Calls created by their first turn or event.");
        _callsEnded = meter.CreateCounter<long>("calltranscription.calls.ended", "{call}", "Calls ended, by status.");
        _unplacedEntries = meter.CreateCounter<long>("calltranscription.transcript.unplaced_entries", "{entry}", "Post-call transcript entries that fell between stored turns and were not stored.");
        _unitOfWorkDuration = meter.CreateHistogram("calltranscription.unit_of_work.duration", "s", "Duration of a command's unit of work, by command and outcome.", advice: _durationAdvice);
    }

    public void TurnsStored(string source, int count) => AddIfAny(_turnsStored, count, Tag("source", source));

    public void TurnsReplayed(string source, int count) => AddIfAny(_turnsReplayed, count, Tag("source", source));

    public void WebhookRejected(string webhook, string reason) => _webhookRejected.Add(1, Tag("webhook", webhook), Tag("reason", reason));

    public void CallStarted() => _callsStarted.Add(1);

    public void CallEnded(string status) => _callsEnded.Add(1, Tag("status", status));

    public void UnplacedEntries(int count) => AddIfAny(_unplacedEntries, count);

    public void UnitOfWorkDone(string command, string outcome, TimeSpan duration) =>
        _unitOfWorkDuration.Record(duration.TotalSeconds, Tag("command", command), Tag("outcome", outcome));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);

    private static void AddIfAny(Counter<long> counter, int count, params ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (count > 0)
        {
            counter.Add(count, tags);
        }
    }
}
