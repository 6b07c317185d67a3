namespace CallTranscription.Bench.Servers;

/// <summary>The servers the bench measures: the service on each database, and a raw reference beside each.</summary>
internal static class BenchServers
{
    public const string SqliteReference = "sqlite-reference";
    public const string Sqlite = "sqlite";
    public const string PostgresReference = "postgres-reference";
    public const string Postgres = "postgres";

    /// <summary>Each service and the reference it is compared with.</summary>
    public static readonly (string Service, string Reference)[] Pairs = [(Sqlite, SqliteReference), (Postgres, PostgresReference)];

    public static bool IsServer(string name) => name is SqliteReference or Sqlite or PostgresReference or Postgres;

    public static BenchDatabase NewDatabase(string server, Options options) =>
        server is Postgres or PostgresReference ? BenchDatabase.NewPostgres(options.PostgresServer) : BenchDatabase.NewSqlite(server);

    public static Task<ServerProcess> StartAsync(string server, BenchDatabase database, Options options, string logPath) => server switch
    {
        SqliteReference => ServerProcess.StartAsync(Paths.BenchDll, RuntimeSettings.OfService(), logPath,
            "sqlite-reference-server", "--db", database.SqlitePath),
        PostgresReference => ServerProcess.StartAsync(Paths.BenchDll, RuntimeSettings.OfService(), logPath,
            "postgres-reference-server", "--connection", database.ConnectionString),
        Sqlite or Postgres => ServerProcess.StartAsync(Paths.ServiceDll, ServiceEnvironment(database, options), logPath),
        _ => throw new ArgumentException($"unknown server {server}"),
    };

    private static Dictionary<string, string> ServiceEnvironment(BenchDatabase database, Options options)
    {
        var environment = new Dictionary<string, string>(database.ServiceSettings);
        foreach (var (key, value) in options.ServiceEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }
}
