using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using Npgsql;
using Respawn;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A database of its own on the server named by CALLTRANSCRIPTION_TEST_POSTGRES, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string databaseName)
    {
        _serverConnectionString = serverConnectionString;
        DatabaseName = databaseName;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
    }

    public string DatabaseName { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString { get; }

    protected override IDbAdapter RespawnAdapter => DbAdapter.Postgres;

    protected override string[] Schemas => ["public"];

    public static Task<TestDatabase> CreateAsync() => Task.FromResult<TestDatabase>(CreateOn(PostgresServer.ConnectionStringOrSkip()));

    public static PostgresTestDatabase CreateOn(string serverConnectionString) => new(serverConnectionString, $"ct_test_{Guid.NewGuid():N}");

    public override ApplicationDbContext CreateContext() => PostgresPersistence.CreateContext(ConnectionString, schema: null);

    public override Task CreateEmptyAsync() => OnServerAsync($"CREATE DATABASE \"{DatabaseName}\"");

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
