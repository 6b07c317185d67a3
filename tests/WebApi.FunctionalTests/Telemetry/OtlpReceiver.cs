using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using CallTranscription.WebApi.FunctionalTests.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

/// <summary>
/// Stands in for an OpenTelemetry Collector on 127.0.0.1: OTLP/HTTP (POST /v1/traces and /v1/metrics, protobuf) and
/// OTLP/gRPC (the two Export methods, over HTTP/2 without TLS), keeping every span and metric it receives.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string TraceService = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private const string MetricsService = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ResourceSpans> _spans = new();
    private readonly ConcurrentQueue<ResourceMetrics> _metrics = new();

    private OtlpReceiver(bool grpc)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0,
            listen => listen.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        _app = builder.Build();
        _app.MapPost("/v1/traces", async (HttpContext context) =>
            Keep(ExportTraceServiceRequest.Parser.ParseFrom(await ReadAsync(context.Request)).ResourceSpans, _spans));
        _app.MapPost("/v1/metrics", async (HttpContext context) =>
            Keep(ExportMetricsServiceRequest.Parser.ParseFrom(await ReadAsync(context.Request)).ResourceMetrics, _metrics));
        _app.MapPost(TraceService, async (HttpContext context) =>
            await AnswerGrpcAsync(context, message => Keep(ExportTraceServiceRequest.Parser.ParseFrom(message).ResourceSpans, _spans)));
        _app.MapPost(MetricsService, async (HttpContext context) =>
            await AnswerGrpcAsync(context, message => Keep(ExportMetricsServiceRequest.Parser.ParseFrom(message).ResourceMetrics, _metrics)));
    }

    public string Endpoint => _app.Urls.Single();

    public IReadOnlyList<ResourceSpans> Spans => [.. _spans];

    public IReadOnlyList<ResourceMetrics> Metrics => [.. _metrics];

    public static async Task<OtlpReceiver> StartAsync(bool grpc)
    {
        var receiver = new OtlpReceiver(grpc);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async Task WaitUntilAsync(Func<OtlpReceiver, bool> received)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!received(this))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static IResult Keep<T>(IEnumerable<T> items, ConcurrentQueue<T> into)
    {
        foreach (var item in items)
        {
            into.Enqueue(item);
        }

        return Results.Bytes([], "application/x-protobuf");
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        var body = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress)
            : request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // gRPC frames each message with a compressed flag and a big-endian length; the answer is an empty message and an
    // OK status in the trailers.
    private static async Task AnswerGrpcAsync(HttpContext context, Action<ByteString> keep)
    {
        var request = await ReadAsync(context.Request);
        var length = BinaryPrimitives.ReadInt32BigEndian(request.AsSpan(1, 4));
        keep(ByteString.CopyFrom(request, 5, length));
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
