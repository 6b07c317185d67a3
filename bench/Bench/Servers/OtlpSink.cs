using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Bench.Servers;

/// <summary>
/// A local OTLP/HTTP endpoint that accepts traces, metrics and logs and drops them, so the service's export costs can
/// be measured without a collector: `bench otlp-sink --urls http://127.0.0.1:4318`, then run the bench with
/// `--service-env OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318,OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`.
/// </summary>
public static class OtlpSink
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        long requests = 0;
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            Interlocked.Increment(ref requests);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine($"otlp-sink: {Interlocked.Read(ref requests)} export requests received"));
        await app.RunAsync();
    }
}
