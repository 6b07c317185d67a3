using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Webhooks;

namespace CallTranscription.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllers();
        services.AddProblemDetails();
        services.AddExceptionHandler<ContractExceptionHandler>();
        services.Configure<ElevenLabsOptions>(configuration.GetSection(ElevenLabsOptions.SectionName));
        services.AddSingleton<WebhookSignatureVerifier>();
        services.AddClientRateLimiting(configuration);
        return services;
    }
}
