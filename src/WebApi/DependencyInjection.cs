using CallTranscription.WebApi.ErrorHandling;

namespace CallTranscription.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddControllers();
        services.AddProblemDetails();
        services.AddExceptionHandler<ContractExceptionHandler>();
        return services;
    }
}
