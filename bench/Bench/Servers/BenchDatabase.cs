using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallTranscription.Bench.Servers;

/// <summary>A fresh database for one server: a SQLite file in its own temporary folder, or a PostgreSQL database.
/// Disposing it deletes it.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;

    private BenchDatabase(bool isPostgres, string connectionString, string? sqliteDirectory)
    {
        IsPostgres = isPostgres;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
    }

    public bool IsPostgres { get; }

    public string ConnectionString { get; }

    public string SqlitePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>The service's settings for this database, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings => new Dictionary<string, string>
    {
        ["Database__Provider"] = IsPostgres ? "Postgres" : "Sqlite",
        ["ConnectionStrings__Default"] = ConnectionString,
    };

    public static BenchDatabase NewSqlite(string name)
    {
        var directory = Directory.CreateTempSubdirectory($"ct-bench-{name}-").FullName;
        return new BenchDatabase(false, $"Data Source={Path.Combine(directory, "bench.db")}", directory);
    }

    /// <summary>Service and reference get the same connection string: pool size, and automatic preparation.</summary>
    public static BenchDatabase NewPostgres(string? server) => new(true, new NpgsqlConnectionStringBuilder(server
        ?? throw new InvalidOperationException("PostgreSQL scenarios need --postgres or CALLTRANSCRIPTION_BENCH_POSTGRES (bench/run.sh starts one)"))
    {
        Database = $"ct_bench_{Guid.NewGuid():N}"[..20],
        MaxPoolSize = 100,
        MaxAutoPrepare = 20,
    }.ConnectionString, null);

    public DbConnection CreateConnection() =>
        IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false, MaxAutoPrepare = 0 };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
