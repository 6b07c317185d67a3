using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence.SqlServer;

/// <summary>
/// The tables live in the database user's default schema (usually dbo; `ALTER USER ... WITH DEFAULT_SCHEMA`): SQL
/// Server has no per-connection default schema for Database:Schema to set (docs/decisions/0020-schema-from-the-connection.md).
/// </summary>
public static class SqlServerPersistence
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString);

    public static SqlServerApplicationDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlServerApplicationDbContext>();
        Configure(options, connectionString);
        return new(options.Options);
    }

    /// <summary>Pooled contexts; a conversation's turns queued on its call row (UPDLOCK, HOLDLOCK).</summary>
    internal static IServiceCollection AddSqlServerPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextPool<ApplicationDbContext, SqlServerApplicationDbContext>(options => Configure(options, connectionString));
        services.AddSingleton<ICallRowLock, SqlServerCallRowLock>();
        return services;
    }
}
