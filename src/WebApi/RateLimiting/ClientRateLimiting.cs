using System.Globalization;
using System.Threading.RateLimiting;
using CallTranscription.WebApi.ErrorHandling;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.RateLimiting;

/// <summary>
/// A fixed window per client address for the per-turn webhook, and a concurrency limit for the post-call webhook, with
/// ASP.NET Core's built-in limiter; 429 in the contract's error shape. Only endpoints marked with one of the policies
/// are limited: health probes and the
/// API description come from the same proxy address as the webhook traffic and must not share its budget.
/// </summary>
internal static class ClientRateLimiting
{
    public const string WebhookPolicy = "webhook";

    /// <summary>
    /// The post-call webhook: its bodies are read whole before the signature can be judged (audio runs to tens of MB),
    /// so a few at a time in the whole process, the rest queued in order; its own budget, apart from the per-turn one.
    /// </summary>
    public const string PostCallPolicy = "post-call";

    private const int PostCallConcurrency = 4;
    private const int PostCallQueue = 64;

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(options => options.PermitLimit >= 0, "RateLimiting:PermitLimit must be 0 (off) or more.")
            .Validate(options => options.Window > TimeSpan.Zero, "RateLimiting:Window must be greater than 00:00:00.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(WebhookPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                return settings.PermitLimit > 0
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window })
                    : RateLimitPartition.GetNoLimiter(string.Empty);
            });
            limiter.AddConcurrencyLimiter(PostCallPolicy, concurrency =>
            {
                concurrency.PermitLimit = PostCallConcurrency;
                concurrency.QueueLimit = PostCallQueue;
            });
        });
        return services;
    }

    // Only the per-turn window knows when a permit comes back; the post-call queue cannot, so its 429 carries no
    // Retry-After and the sender's own backoff decides (ElevenLabs retries 429).
    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var details = "Too many post-call events are in progress; retry the delivery.";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            details = "This client exceeded its request rate; retry after the Retry-After delay.";
        }

        await context.HttpContext.Response.WriteAsJsonAsync(ErrorResponse.Of("Too many requests", details), cancellationToken);
    }
}
