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
            .UseDatabaseSchema<NpgsqlMigrationsSqlGenerator>(schema);

    public static PostgresApplicationDbContext CreateContext(string connectionString, DatabaseSchema schema)
    {
        var options = new DbContextOptionsBuilder<PostgresApplicationDbContext>();
        Configure(options, connectionString, schema);
        return new(options.Options);
    }

    /// <summary>Pooled contexts; a conversation's turns queued on its call row (FOR UPDATE).</summary>
    internal static IServiceCollection AddPostgresPersistence(this IServiceCollection services, string connectionString, DatabaseSchema schema)
    {
        // Pooled: creating a DbContext (its internal service scope) costs more than a short statement.
        services.AddDbContextPool<ApplicationDbContext, PostgresApplicationDbContext>(options => Configure(options, connectionString, schema));
        services.AddSingleton<ICallRowLock, PostgresCallRowLock>();
        return services;
    }
}
