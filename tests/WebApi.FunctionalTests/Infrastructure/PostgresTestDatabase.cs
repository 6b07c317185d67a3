using CallTranscription.Infrastructure.Persistence;
using Npgsql;

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

    public static Task<TestDatabase> CreateAsync() => Task.FromResult<TestDatabase>(CreateOn(PostgresServer.ConnectionStringOrSkip()));

    public static PostgresTestDatabase CreateOn(string serverConnectionString) => new(serverConnectionString, $"ct_test_{Guid.NewGuid():N}");

    public override async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "TRUNCATE call_transcriptions, calls, elevenlabs_call_records, drivers RESTART IDENTITY CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
