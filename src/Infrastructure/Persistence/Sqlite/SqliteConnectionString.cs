namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>The service's SQLite connection string, for the parts that open their own connection.</summary>
internal sealed record SqliteConnectionString(string Value);
