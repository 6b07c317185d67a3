using CallTranscription.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("calltranscription-tests-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_directory, "calltranscription.db")}";

    public override async Task ResetAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM call_transcriptions;
            DELETE FROM calls;
            DELETE FROM elevenlabs_call_records;
            DELETE FROM drivers;
            DELETE FROM sqlite_sequence;
            """;
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
