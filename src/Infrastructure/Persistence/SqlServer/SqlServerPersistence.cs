using CallTranscription.Application.Common.Interfaces;
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
            .MigrateInto<SqlServerMigrationsSqlGenerator>(schema);

    public static SqlServerApplicationDbContext CreateContext(string connectionString, DatabaseSchema schema)
    {
        var options = new DbContextOptionsBuilder<SqlServerApplicationDbContext>();
        Configure(options, connectionString, schema);
        return new(options.Options, schema);
    }

    /// <summary>One transaction per request; a conversation's turns queue on its call row (UPDLOCK, HOLDLOCK).</summary>
    internal static IServiceCollection AddSqlServerPersistence(this IServiceCollection services, string connectionString, DatabaseSchema schema)
    {
        services.AddDbContext<ApplicationDbContext, SqlServerApplicationDbContext>(
            options => Configure(options, connectionString, schema), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<ICallRowLock, SqlServerCallRowLock>();
        services.AddScoped<IUnitOfWork, TransactionalUnitOfWork>();
        services.AddScoped<ICallRepository, CallRepository>();
        services.AddScoped<ITranscriptionRepository, TranscriptionRepository>();
        return services;
    }
}
