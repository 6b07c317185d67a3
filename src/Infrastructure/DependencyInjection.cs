using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.GroupCommit;
using CallTranscription.Infrastructure.Persistence.Health;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? (database.Provider == DatabaseProvider.Sqlite ? DatabaseOptions.DefaultSqliteConnectionString : null)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required for Database:Provider={database.Provider}.");

        services.Configure<DatabaseOptions>(section);
        services.Configure<DatabaseRetryOptions>(section.GetSection(nameof(DatabaseOptions.Retry)));

        // Singleton options: SQLite's writer builds its own long-lived context from them.
        services.AddDbContext<ApplicationDbContext>(optionsLifetime: ServiceLifetime.Singleton, optionsAction: options =>
        {
            _ = database.Provider switch
            {
                DatabaseProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(SqliteDurabilityInterceptor.Instance),
                DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
                _ => throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported."),
            };
            // Migrations are hand-written without a model snapshot; a schema test guards drift instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });

        services.AddSingleton(provider => DatabaseResiliencePipeline.Create(provider.GetRequiredService<IOptions<DatabaseRetryOptions>>()));
        services.AddScoped<DbContextLease>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<SqliteWriter>();
            services.AddSingleton<WalCheckpointer>();
            services.AddScoped<WriterSessionLease>();
            services.AddScoped<IUnitOfWork, GroupCommitUnitOfWork>();
            services.AddScoped<ICallRepository, SqliteCallRepository>();
            services.AddScoped<ITranscriptionRepository, SqliteTranscriptionRepository>();
        }
        else
        {
            services.AddScoped<IUnitOfWork, TransactionalUnitOfWork>();
            services.AddScoped<ICallRepository, CallRepository>();
            services.AddScoped<ITranscriptionRepository, TranscriptionRepository>();
        }

        services.AddScoped<IDriverLookup, DriverLookup>();
        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>(DatabaseReadyHealthCheck.Name, tags: [ReadinessTag]);

        return services;
    }
}
