using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>Contexts of each provider that never connect: model, migrations, scripts and SQL text need no server.</summary>
public static class ProviderContexts
{
    public const string SqlServerConnectionString = "Server=localhost;Database=calltranscription;Integrated Security=true;TrustServerCertificate=true";

    public static IEnumerable<DatabaseProvider> All => Enum.GetValues<DatabaseProvider>();

    public const string PostgresConnectionString = "Host=localhost;Database=calltranscription";

    /// <param name="schema">Database:Schema, which only PostgreSQL takes.</param>
    public static ApplicationDbContext Create(DatabaseProvider provider, string? schema = null) => provider switch
    {
        DatabaseProvider.Sqlite => SqlitePersistence.CreateContext("Data Source=:memory:"),
        DatabaseProvider.Postgres => PostgresPersistence.CreateContext(PostgresConnectionString, schema),
        DatabaseProvider.SqlServer => SqlServerPersistence.CreateContext(SqlServerConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>A server database's context whose commands are recorded instead of sent.</summary>
    public static ApplicationDbContext Create(DatabaseProvider provider, string? schema, CommandRecorder recorder) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresApplicationDbContext(Configure<PostgresApplicationDbContext>(
            options => PostgresPersistence.Configure(options, PostgresConnectionString, schema), recorder)),
        DatabaseProvider.SqlServer => new SqlServerApplicationDbContext(Configure<SqlServerApplicationDbContext>(
            options => SqlServerPersistence.Configure(options, SqlServerConnectionString), recorder)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static DbContextOptions<TContext> Configure<TContext>(Action<DbContextOptionsBuilder> configure, CommandRecorder recorder)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        configure(options);
        options.AddInterceptors(recorder);
        return options.Options;
    }
}
