using System.Runtime;
using CallTranscription.Bench.Loads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Bench.References;

/// <summary>
/// The webhook's HTTP contract on Kestrel's minimal API and nothing else: read the body, store the turn, answer 201
/// with the service's JSON. No logging, validation or middleware; a failure is a 500.
/// </summary>
internal static class ReferenceHost
{
    public static async Task RunAsync(ITurnStore store, string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ReferenceJson.Default));
        var app = builder.Build();
        app.MapGet("/health/live", () => "ok");
        app.MapPost(WebhookClient.Path, async (TurnRequest request) =>
        {
            var stored = await store.StoreAsync(Turn.From(request));
            return Results.Json(Accepted.From(stored), ReferenceJson.Default.Accepted, statusCode: StatusCodes.Status201Created);
        });
        // Its log shows it runs on the service's runtime settings (Servers/RuntimeSettings.cs), not the bench's.
        Console.WriteLine($"reference server: server GC {GCSettings.IsServerGC}, GC latency mode {GCSettings.LatencyMode}");
        await app.RunAsync();
    }
}
