using CallTranscription.Infrastructure.Persistence;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A real, empty database of one provider, owned by one test fixture.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Empties every table and restarts identities (docs/decisions/0003-test-database-reset.md).</summary>
    public abstract Task ResetAsync();

    public abstract ValueTask DisposeAsync();

    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Task.FromResult<TestDatabase>(new SqliteTestDatabase()),
        DatabaseKind.Postgres => PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
