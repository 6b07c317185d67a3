using CallTranscription.Application.Calls.Reconcile;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallTranscription.WebApi.Reconciliation;

/// <summary>Degraded, never unhealthy, while the API refuses the key: accepting webhooks never depends on the API.</summary>
internal sealed class ElevenLabsApiHealthCheck(ApiKeyState keyState) : IHealthCheck
{
    public const string Name = "elevenlabs_api";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(keyState.RefusedWith is { } status
            ? HealthCheckResult.Degraded($"ElevenLabs' Conversations API answers {status} to ElevenLabs:ApiKey: reconciliation is paused.")
            : HealthCheckResult.Healthy("ElevenLabs' Conversations API accepts ElevenLabs:ApiKey, or reconciliation is off."));
}
