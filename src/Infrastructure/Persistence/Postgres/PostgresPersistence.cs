using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.Persistence.Repositories;
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
            .MigrateInto<NpgsqlMigrationsSqlGenerator>(schema);

    public static PostgresApplicationDbContext CreateContext(string connectionString, DatabaseSchema schema)
    {
        var options = new DbContextOptionsBuilder<PostgresApplicationDbContext>();
        Configure(options, connectionString, schema);
        return new(options.Options, schema);
    }

    /// <summary>One transaction per request; a conversation's turns queue on its call row (FOR UPDATE).</summary>
    internal static IServiceCollection AddPostgresPersistence(this IServiceCollection services, string connectionString, DatabaseSchema schema)
    {
        services.AddDbContext<ApplicationDbContext, PostgresApplicationDbContext>(
            options => Configure(options, connectionString, schema), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<ICallRowLock, PostgresCallRowLock>();
        services.AddScoped<IUnitOfWork, TransactionalUnitOfWork>();
        services.AddScoped<ICallRepository, CallRepository>();
        services.AddScoped<ITranscriptionRepository, TranscriptionRepository>();
        return services;
    }
}
