using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.FunctionalTests.Telemetry.Otlp;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

/// <summary>The service run as an operator runs it, exporting over OTLP to a receiver on 127.0.0.1.</summary>
public class OtlpExportTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("calltranscription-otlp-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [TestCase("http/protobuf")]
    [TestCase("grpc")]
    public async Task ShouldExportSpansAndMetricsToTheConfiguredEndpoint(string protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: protocol == "grpc");
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_directory.FullName, "otlp.db")};Pooling=False",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=test",
        });
        await service.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
        {
            ["conversation_id"] = "conv_otlp",
            ["speaker"] = "agent",
            ["message"] = "Hello",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        // The server span and the request's duration are recorded after the response is sent, so they may come in a
        // later export than the command's span and the stored turn.
        await receiver.WaitUntilAsync(r =>
            SpanNamed(r, "SaveTranscription") is not null && SpanNamed(r, "POST /webhooks/elevenlabs/transcription") is not null
            && StoredTurns(r) >= 1 && MetricNames(r).Contains("http.server.request.duration"));
        var command = SpanNamed(receiver, "SaveTranscription")!;
        var server = SpanNamed(receiver, "POST /webhooks/elevenlabs/transcription")!;
        var resource = receiver.Spans.First(spans => spans.ScopeSpans.SelectMany(s => s.Spans).Contains(command)).Resource;
        Assert.Multiple(() =>
        {
            Assert.That(command.TraceId, Is.EqualTo(server.TraceId));
            Assert.That(command.ParentSpanId, Is.EqualTo(server.SpanId));
            Assert.That(Attribute(resource, "service.name"), Is.EqualTo("calltranscription"));
            Assert.That(Attribute(resource, "service.version"), Is.Not.Empty);
            Assert.That(Attribute(resource, "deployment.environment.name"), Is.EqualTo("test"));
            Assert.That(StoredTurns(receiver), Is.EqualTo(1));
            Assert.That(MetricNames(receiver), Has.Member("calltranscription.unit_of_work.duration"));
        });
    }

    private static List<string> MetricNames(OtlpReceiver receiver) =>
        receiver.Metrics.SelectMany(m => m.ScopeMetrics).SelectMany(s => s.Metrics).Select(m => m.Name).ToList();

    private static Span? SpanNamed(OtlpReceiver receiver, string name) =>
        receiver.Spans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).FirstOrDefault(span => span.Name == name);

    // Cumulative: the latest export holds the total.
    private static long StoredTurns(OtlpReceiver receiver) =>
        receiver.Metrics.SelectMany(m => m.ScopeMetrics).SelectMany(s => s.Metrics)
            .Where(metric => metric.Name == "calltranscription.turns.stored")
            .Select(metric => metric.Sum.DataPoints.Sum(point => point.AsInt))
            .LastOrDefault();

    private static string? Attribute(Resource resource, string key) =>
        resource.Attributes.FirstOrDefault(attribute => attribute.Key == key)?.Value.StringValue;
}
