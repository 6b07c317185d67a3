using CallTranscription.Application.Calls.Reconcile;
using InfrastructureDependencies = CallTranscription.Infrastructure.DependencyInjection;

namespace CallTranscription.WebApi.Reconciliation;

public static class ReconciliationRegistration
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddOptions<ReconciliationOptions>()
            .BindConfiguration(ReconciliationOptions.SectionName)
            .Validate(o => o.QuietPeriod > TimeSpan.Zero, "Reconciliation:QuietPeriod must be greater than 00:00:00.")
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1) && o.Interval <= TimeSpan.FromDays(1),
                "Reconciliation:Interval must be from 00:00:01 to 1.00:00:00.")
            .Validate(o => o.GiveUpAfter > o.QuietPeriod, "Reconciliation:GiveUpAfter must be longer than Reconciliation:QuietPeriod.")
            .ValidateOnStart();
        services.AddHostedService<ReconciliationService>();
        services.AddHealthChecks().AddCheck<ElevenLabsApiHealthCheck>(ElevenLabsApiHealthCheck.Name, tags: [InfrastructureDependencies.ReadinessTag]);
        return services;
    }
}
