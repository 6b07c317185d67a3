using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.Data.SqlClient;
using Respawn;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A database of its own on the server named by CALLTRANSCRIPTION_TEST_SQLSERVER, dropped afterwards.</summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private readonly string _serverConnectionString;

    private SqlServerTestDatabase(string serverConnectionString, string databaseName)
    {
        _serverConnectionString = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = "master" }.ConnectionString;
        DatabaseName = databaseName;
        ConnectionString = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = databaseName }.ConnectionString;
    }

    public string DatabaseName { get; }

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string ConnectionString { get; }

    protected override IDbAdapter RespawnAdapter => DbAdapter.SqlServer;

    protected override string[] Schemas => ["dbo"];

    public static SqlServerTestDatabase CreateOn(string serverConnectionString) => new(serverConnectionString, $"ct_test_{Guid.NewGuid():N}");

    public override ApplicationDbContext CreateContext() => SqlServerPersistence.CreateContext(ConnectionString);

    public override Task CreateEmptyAsync() => OnServerAsync($"CREATE DATABASE [{DatabaseName}]");

    public override async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await OnServerAsync($"""
            IF DB_ID(N'{DatabaseName}') IS NOT NULL
            BEGIN
                ALTER DATABASE [{DatabaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{DatabaseName}];
            END
            """);
    }

    protected override DbConnection CreateConnection() => new SqlConnection(ConnectionString);

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new SqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
