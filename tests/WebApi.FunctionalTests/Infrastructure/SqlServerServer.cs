namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

public static class SqlServerServer
{
    public const string ConnectionStringVariable = "CALLTRANSCRIPTION_TEST_SQLSERVER";

    /// <summary>A login that may create databases (LocalDB, or a SQL Server 2022 container); see the README.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    public static string Required => ConnectionString
        ?? throw new InvalidOperationException($"{ConnectionStringVariable} is not set.");
}
