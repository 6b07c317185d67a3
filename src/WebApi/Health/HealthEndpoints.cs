using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using InfrastructureDependencies = CallTranscription.Infrastructure.DependencyInjection;

namespace CallTranscription.WebApi.Health;

/// <summary>Liveness answers from the process alone; readiness runs the checks tagged ready and names each in JSON.
/// Both are anonymous and never rate limited: probes come from the same address as the webhook traffic.</summary>
internal static class HealthEndpoints
{
    public const string Prefix = "/health";

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks($"{Prefix}/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().DisableRateLimiting().WithHttpLogging(HttpLoggingFields.None);
        app.MapHealthChecks($"{Prefix}/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(InfrastructureDependencies.ReadinessTag),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting().WithHttpLogging(HttpLoggingFields.None);
        return app;
    }
}
