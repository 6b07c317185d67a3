using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.ElevenLabs;
using CallTranscription.Infrastructure.ElevenLabs.Reconciliation;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Health;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.Resilience;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Health checks that decide whether the service can take traffic.</summary>
    public const string ReadinessTag = "ready";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DatabaseRetryOptions>().BindConfiguration($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Retry)}");

        // The provider decides what is registered, so it is read here; like every setting, it is validated at start,
        // before anything uses the database (an unknown provider or an empty connection string never gets that far).
        var provider = Enum.TryParse<DatabaseProvider>(configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"], ignoreCase: true, out var named)
            ? named
            : DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? DatabaseOptions.DefaultSqliteConnectionString;
        var schema = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Schema)}"];
        _ = provider switch
        {
            DatabaseProvider.Postgres => services.AddPostgresPersistence(connectionString, schema),
            DatabaseProvider.SqlServer => services.AddSqlServerPersistence(connectionString),
            _ => services.AddSqlitePersistence(connectionString),
        };

        // The one persistence path: what differs by provider is registered above, the rest is shared.
        services.TryAddSingleton(new WriteGate(oneAtATime: false));
        services.AddSingleton(provider => DatabaseResiliencePipeline.Create(
            provider.GetRequiredService<IOptions<DatabaseRetryOptions>>(), provider.GetRequiredService<ILoggerFactory>()));
        services.AddScoped<IUnitOfWork, TransactionalUnitOfWork>();
        services.AddScoped<ICallRepository, CallRepository>();
        services.AddScoped<ITranscriptionRepository, TranscriptionRepository>();
        services.AddScoped<IDriverLookup, DriverLookup>();
        services.AddElevenLabsApi().AddReconciliationStore(provider);
        // Ready: the database answers, and holds every migration this build expects; each its own check in /health/ready.
        services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: [ReadinessTag])
            .AddCheck<MigrationsAppliedHealthCheck>(MigrationsAppliedHealthCheck.Name, tags: [ReadinessTag]);

        return services;
    }
}
