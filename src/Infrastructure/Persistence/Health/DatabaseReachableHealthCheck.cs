using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallTranscription.Infrastructure.Persistence.Health;

/// <summary>The database answers a trivial query.</summary>
internal sealed class DatabaseReachableHealthCheck(ApplicationDbContext context) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthContext, CancellationToken cancellationToken = default)
    {
        try
        {
            await context.Database.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database is reachable.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", exception);
        }
    }
}
