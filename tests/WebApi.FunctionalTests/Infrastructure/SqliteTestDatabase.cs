using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Respawn;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("calltranscription-tests-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string FilePath => Path.Combine(_directory, "calltranscription.db");

    public override string ConnectionString => $"Data Source={FilePath}";

    protected override IDbAdapter RespawnAdapter => DbAdapter.Sqlite;

    protected override string[] Schemas => [];

    public override ApplicationDbContext CreateContext() => SqlitePersistence.CreateContext(ConnectionString);

    public override async Task CreateEmptyAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(); // creates the empty file
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);
}
