using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Health;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.OpenApi;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Serialization;
using CallTranscription.WebApi.Telemetry;
using CallTranscription.WebApi.Webhooks;
using CallTranscription.WebApi.Webhooks.PostCall;

namespace CallTranscription.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllers(mvc => mvc.ServeOnlyWhenEnabled(configuration)).AddJsonOptions(json => json.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, WebApiJsonContext.Default));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddExceptionHandler<ContractExceptionHandler>();
        services.AddOpenApi(options => options.AddOperationTransformer<WebhookOperationTransformer>());
        services.Configure<ElevenLabsOptions>(configuration.GetSection(ElevenLabsOptions.SectionName));
        services.Configure<RequestLoggingOptions>(configuration.GetSection(RequestLoggingOptions.SectionName));
        services.AddConsoleTimestamps(configuration);
        services.AddSingleton<WebhookSignatureVerifier>();
        services.AddClientRateLimiting(configuration);
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<WebhookRejections>();
        app.UseMiddleware<WebhookRequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(EmptyErrorBodies.WriteAsync);
        app.UseRateLimiter();

        app.MapControllers();
        PostCallWebhook.LogWhenOff(app);
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapServiceTelemetry();
        return app;
    }
}
