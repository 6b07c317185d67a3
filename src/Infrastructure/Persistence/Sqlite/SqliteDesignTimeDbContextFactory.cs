using Microsoft.EntityFrameworkCore.Design;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>For `dotnet ef ... --context SqliteApplicationDbContext`; see docs/decisions/0009-migrations-per-provider.md.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteApplicationDbContext>
{
    public SqliteApplicationDbContext CreateDbContext(string[] args) =>
        SqlitePersistence.CreateContext(DatabaseOptions.DefaultSqliteConnectionString);
}
