using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Respawn;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A real, empty database of one provider, owned by one test fixture.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    private Respawner? _respawner;

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>A context of the provider's own type, on this database, outside the service.</summary>
    public abstract ApplicationDbContext CreateContext();

    /// <summary>Creates the database with no tables in it, as a DBA would before the first migration.</summary>
    public abstract Task CreateEmptyAsync();

    public abstract ValueTask DisposeAsync();

    protected abstract DbConnection CreateConnection();

    protected abstract IDbAdapter RespawnAdapter { get; }

    /// <summary>The schemas Respawn empties; none means the whole database (SQLite).</summary>
    protected abstract string[] Schemas { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Task.FromResult<TestDatabase>(new SqliteTestDatabase()),
        DatabaseKind.Postgres => PostgresTestDatabase.CreateAsync(),
        DatabaseKind.SqlServer => Task.FromResult<TestDatabase>(SqlServerTestDatabase.CreateOn(SqlServerServer.Required)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Empties every table and restarts identities, with Respawn (docs/decisions/0011-respawn-resets-test-databases.md).
    /// Call after the service has migrated the database: Respawn reads the tables and their foreign keys once.
    /// </summary>
    public virtual async Task ResetAsync()
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = RespawnAdapter,
            SchemasToInclude = Schemas,
            TablesToIgnore = [HistoryRepository.DefaultTableName],
            WithReseed = true,
        });
        await _respawner.ResetAsync(connection);
    }
}
