using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

public static class PostgresPersistence
{
    /// <summary>
    /// Database:Schema is the connection's search_path: the tables, the queries and the migrations name no schema, so
    /// PostgreSQL resolves them all there. The migration history table is named in it, so EF Core creates the schema
    /// before the first migration. Quoted, as EF Core quotes the history table's schema, so that both keep its case.
    /// An empty setting (`Database__Schema=`) means none, as if it were not set.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string? schema)
    {
        schema = string.IsNullOrWhiteSpace(schema) ? null : schema;
        return options.UseNpgsql(
            schema is null ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = $"\"{schema}\"" }.ConnectionString,
            npgsql => npgsql.MigrationsHistoryTable(HistoryRepository.DefaultTableName, schema));
    }

    public static PostgresApplicationDbContext CreateContext(string connectionString, string? schema)
    {
        var options = new DbContextOptionsBuilder<PostgresApplicationDbContext>();
        Configure(options, connectionString, schema);
        return new(options.Options);
    }

    /// <summary>Pooled contexts; a conversation's turns queued on its call row (FOR UPDATE).</summary>
    internal static IServiceCollection AddPostgresPersistence(this IServiceCollection services, string connectionString, string? schema)
    {
        // Pooled: creating a DbContext (its internal service scope) costs more than a short statement.
        services.AddDbContextPool<ApplicationDbContext, PostgresApplicationDbContext>(options => Configure(options, connectionString, schema));
        services.AddSingleton<ICallRowLock, PostgresCallRowLock>();
        return services;
    }
}
