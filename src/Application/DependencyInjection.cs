using System.Reflection;
using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Application.Common.Behaviors;
using CallTranscription.Application.Common.Notifications;
using CallTranscription.Application.Common.Telemetry;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallTranscription.Application;

public static class DependencyInjection
{
    private static readonly Type[] _handlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>),
        typeof(INotificationHandler<>),
    ];

    /// <summary>
    /// MediatR 5.1.0 has no DI package on our feed (docs/decisions/0002-mediatr-5-hand-registration.md), so request and
    /// notification handlers are registered by scanning assemblies here; validators through FluentValidation's own scan.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, params Assembly[] extensionAssemblies)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, IsolatingMediator>();
        services.AddMetrics();
        services.TryAddSingleton<CallTranscriptionTelemetry>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TelemetryBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped<CallStarter>();
        services.AddScoped<TranscriptionSavedPublisher>();
        services.AddScoped<ConversationReconciler>();
        services.AddSingleton<ReconciliationSweep>();
        services.AddSingleton<ApiKeyState>();
        services.AddSingleton<ReconciliationMetrics>();

        foreach (var assembly in extensionAssemblies.Prepend(typeof(DependencyInjection).Assembly).Distinct())
        {
            services.AddHandlersFrom(assembly);
        }

        return services;
    }

    public static IServiceCollection AddHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        var implementations = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var implementation in implementations)
        {
            foreach (var contract in implementation.GetInterfaces().Where(i => i.IsGenericType && _handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.TryAddEnumerable(ServiceDescriptor.Scoped(contract, implementation));
            }
        }

        // Building a validator's rules costs more than running them: build once. Validators are stateless, so they
        // may depend on singletons only (docs/extending.md).
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
