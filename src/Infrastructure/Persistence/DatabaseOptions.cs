using CallTranscription.Infrastructure.Persistence.Resilience;

namespace CallTranscription.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Default";
    public const string DefaultSqliteConnectionString = "Data Source=calltranscription.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The schema that holds the tables on PostgreSQL and SQL Server; none (the connection's default) unless set.</summary>
    public string? Schema { get; set; }

    /// <summary>Apply pending migrations when the service starts; defaults to true for SQLite only.</summary>
    public bool? MigrateOnStartup { get; set; }

    public DatabaseRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// How long start-up (and the migrate command) waits for an unreachable database before giving up.
    /// Zero, without migrations to apply, starts at once and leaves the database to /health/ready.
    /// </summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
