using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence.SqlServer;

public static class SqlServerPersistence
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, DatabaseSchema schema) =>
        options
            .UseSqlServer(connectionString, sql => sql.MigrationsHistoryTable(HistoryRepository.DefaultTableName, schema.Name))
            .UseDatabaseSchema<SqlServerMigrationsSqlGenerator>(schema);

    public static SqlServerApplicationDbContext CreateContext(string connectionString, DatabaseSchema schema)
    {
        var options = new DbContextOptionsBuilder<SqlServerApplicationDbContext>();
        Configure(options, connectionString, schema);
        return new(options.Options);
    }

    /// <summary>Pooled contexts; a conversation's turns queued on its call row (UPDLOCK, HOLDLOCK).</summary>
    internal static IServiceCollection AddSqlServerPersistence(this IServiceCollection services, string connectionString, DatabaseSchema schema)
    {
        services.AddDbContextPool<ApplicationDbContext, SqlServerApplicationDbContext>(options => Configure(options, connectionString, schema));
        services.AddSingleton<ICallRowLock, SqlServerCallRowLock>();
        return services;
    }
}
