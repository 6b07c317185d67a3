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

    internal static IServiceCollection AddSqlServerPersistence(this IServiceCollection services, string connectionString, DatabaseSchema schema) =>
        services
            .AddServerPersistence<SqlServerApplicationDbContext>(options => Configure(options, connectionString, schema))
            .AddEfCoreRepositories<SqlServerCallRowLock>();
}
