using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

public static class SqlitePersistence
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteDurabilityInterceptor.Instance);

    public static SqliteApplicationDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteApplicationDbContext>();
        Configure(options, connectionString);
        return new(options.Options);
    }

    /// <summary>One writer with group commit, and prepared per-turn statements (ADR 0006, 0007, 0008).</summary>
    internal static IServiceCollection AddSqlitePersistence(this IServiceCollection services, string connectionString)
    {
        // Singleton options: the writer builds its own long-lived context from them.
        services.AddDbContext<ApplicationDbContext, SqliteApplicationDbContext>(
            options => Configure(options, connectionString), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton<WalCheckpointer>();
        services.AddScoped<WriterSessionLease>();
        services.AddScoped<IUnitOfWork, GroupCommitUnitOfWork>();
        services.AddScoped<ICallRepository, SqliteCallRepository>();
        services.AddScoped<ITranscriptionRepository, SqliteTranscriptionRepository>();
        return services;
    }
}
