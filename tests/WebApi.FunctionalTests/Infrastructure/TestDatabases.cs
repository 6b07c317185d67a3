namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The databases every database-backed suite runs on: SQLite and PostgreSQL always (PostgresServer says what happens
/// when no server is given), and SQL Server when CALLTRANSCRIPTION_TEST_SQLSERVER names one. Without it there is no
/// SQL Server fixture at all, so nothing is reported as skipped; with it, `--filter TestCategory=SqlServer` selects it.
/// </summary>
public static class TestDatabases
{
    public const string SqlServerCategory = "SqlServer";

    public static IEnumerable<TestFixtureData> Kinds() => ServerKinds().Prepend(new TestFixtureData(DatabaseKind.Sqlite));

    /// <summary>
    /// For suites whose outcome cannot differ by database — the request's shape, the signature, the rate limiter, the log, the API
    /// description: they run once, on SQLite. What differs by database (storing, numbering, locking, faults) runs on all.
    /// </summary>
    public static IEnumerable<TestFixtureData> Once() => [new TestFixtureData(DatabaseKind.Sqlite)];

    /// <summary>The server databases: those with schemas, row locks and one transaction per request.</summary>
    public static IEnumerable<TestFixtureData> ServerKinds()
    {
        yield return new TestFixtureData(DatabaseKind.Postgres);
        if (SqlServerServer.ConnectionString is not null)
        {
            var sqlServer = new TestFixtureData(DatabaseKind.SqlServer);
            sqlServer.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, SqlServerCategory);
            yield return sqlServer;
        }
    }
}
