namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

public static class PostgresServer
{
    public const string ConnectionStringVariable = "CALLTRANSCRIPTION_TEST_POSTGRES";

    /// <summary>
    /// The server for PostgreSQL tests. Without it a developer's run skips them, but CI (CI=true) must run them,
    /// so there its absence fails the test instead of hiding it.
    /// </summary>
    public static string ConnectionStringOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var message = $"{ConnectionStringVariable} is not set; start one with scripts/test-postgres.sh start.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return null!;
    }
}
