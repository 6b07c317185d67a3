namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
    SqlServer,
}
