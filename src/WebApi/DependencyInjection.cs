using System.Text.Json.Serialization;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Serialization;
using CallTranscription.WebApi.Webhooks;
using CallTranscription.WebApi.Webhooks.PostCall;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using InfrastructureDependencies = CallTranscription.Infrastructure.DependencyInjection;

namespace CallTranscription.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebApiJsonContext.Default);
            // Numbers are numbers, in the bodies and so in the OpenAPI schemas (the web default also takes strings).
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ContractExceptionHandler>();
        services.AddOpenApi();
        services.Configure<ElevenLabsOptions>(configuration.GetSection(ElevenLabsOptions.SectionName));
        services.Configure<RequestLoggingOptions>(configuration.GetSection(RequestLoggingOptions.SectionName));
        services.AddConsoleTimestamps(configuration);
        services.AddSingleton<WebhookSignatureVerifier>();
        services.AddClientRateLimiting(configuration);
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<WebhookRequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(EmptyErrorBodies.WriteAsync);
        app.UseRateLimiter();

        app.MapTranscriptionWebhook();
        app.MapPostCallWebhook();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(InfrastructureDependencies.ReadinessTag) });
        return app;
    }
}
