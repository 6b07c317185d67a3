using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

public static class SqlitePersistence
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSetup.Instance);

    public static SqliteApplicationDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteApplicationDbContext>();
        Configure(options, connectionString);
        return new(options.Options);
    }

    /// <summary>One writer at a time through the write gate; SQLite checkpoints its own write-ahead log.</summary>
    internal static IServiceCollection AddSqlitePersistence(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextPool<ApplicationDbContext, SqliteApplicationDbContext>(options => Configure(options, connectionString));
        services.AddSingleton<ICallRowLock, SqliteCallRowLock>();
        services.AddSingleton(new WriteGate(oneAtATime: true));
        return services;
    }
}
