using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Health;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.Resilience;
using CallTranscription.Infrastructure.Persistence.Schema;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.SqlServer;
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
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var database = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) switch
        {
            null when database.Provider == DatabaseProvider.Sqlite => DatabaseOptions.DefaultSqliteConnectionString,
            { } configured when !string.IsNullOrWhiteSpace(configured) => configured,
            _ => throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required (and not empty) for Database:Provider={database.Provider}."),
        };
        var schema = DatabaseSchema.From(database.Schema);

        services.Configure<DatabaseOptions>(section);
        services.Configure<DatabaseRetryOptions>(section.GetSection(nameof(DatabaseOptions.Retry)));
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddSqlitePersistence(connectionString),
            DatabaseProvider.Postgres => services.AddPostgresPersistence(connectionString, schema),
            DatabaseProvider.SqlServer => services.AddSqlServerPersistence(connectionString, schema),
            _ => throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported."),
        };

        // The one persistence path: what differs by provider is registered above, the rest is shared.
        services.TryAddSingleton<IWriteGate, OpenWriteGate>();
        services.AddSingleton(provider => DatabaseResiliencePipeline.Create(
            provider.GetRequiredService<IOptions<DatabaseRetryOptions>>(), provider.GetRequiredService<ILoggerFactory>()));
        services.AddScoped<IUnitOfWork, TransactionalUnitOfWork>();
        services.AddScoped<ICallRepository, CallRepository>();
        services.AddScoped<ITranscriptionRepository, TranscriptionRepository>();
        services.AddScoped<IDriverLookup, DriverLookup>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReachableHealthCheck>(DatabaseReachableHealthCheck.Name, tags: [ReadinessTag])
            .AddCheck<MigrationsAppliedHealthCheck>(MigrationsAppliedHealthCheck.Name, tags: [ReadinessTag]);

        return services;
    }
}
