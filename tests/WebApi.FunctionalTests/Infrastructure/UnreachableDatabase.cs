using CallTranscription.Infrastructure.Persistence;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A connection string that can never connect: a directory that does not exist, a port nothing listens on.</summary>
public sealed class UnreachableDatabase(DatabaseKind kind) : TestDatabase
{
    public override DatabaseProvider Provider => kind == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public override string ConnectionString => kind == DatabaseKind.Sqlite
        ? "Data Source=/nonexistent-calltranscription-dir/unreachable.db;Mode=ReadWrite"
        : "Host=127.0.0.1;Port=9;Username=postgres;Password=not-a-real-secret;Database=unreachable;Timeout=2";

    public override Task ResetAsync() => Task.CompletedTask;

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
