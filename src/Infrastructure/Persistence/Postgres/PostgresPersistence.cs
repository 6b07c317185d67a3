using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.Persistence.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

public static class PostgresPersistence
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, DatabaseSchema schema) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(HistoryRepository.DefaultTableName, schema.Name))
            .UseDatabaseSchema<NpgsqlMigrationsSqlGenerator>(schema);

    public static PostgresApplicationDbContext CreateContext(string connectionString, DatabaseSchema schema)
    {
        var options = new DbContextOptionsBuilder<PostgresApplicationDbContext>();
        Configure(options, connectionString, schema);
        return new(options.Options);
    }

    /// <summary>EF Core's connection, transaction and model, with the per-turn statements written by hand (ADR 0014).</summary>
    internal static IServiceCollection AddPostgresPersistence(this IServiceCollection services, string connectionString, DatabaseSchema schema)
    {
        services.AddServerPersistence<PostgresApplicationDbContext>(options => Configure(options, connectionString, schema));
        services.AddScoped<ICallRepository, PostgresCallRepository>();
        services.AddScoped<PostgresTranscriptionRepository>();
        services.AddScoped<ITranscriptionRepository>(provider => provider.GetRequiredService<PostgresTranscriptionRepository>());
        services.AddScoped<IPendingRows>(provider => provider.GetRequiredService<PostgresTranscriptionRepository>());
        return services;
    }
}
