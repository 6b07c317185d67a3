using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using Respawn;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A connection string that can never connect: a directory that does not exist, a port nothing listens on.</summary>
public sealed class UnreachableDatabase(DatabaseKind kind) : TestDatabase
{
    public override DatabaseProvider Provider => kind switch
    {
        DatabaseKind.Sqlite => DatabaseProvider.Sqlite,
        DatabaseKind.Postgres => DatabaseProvider.Postgres,
        _ => DatabaseProvider.SqlServer,
    };

    public override string ConnectionString => kind switch
    {
        DatabaseKind.Sqlite => "Data Source=/nonexistent-calltranscription-dir/unreachable.db;Mode=ReadWrite",
        DatabaseKind.Postgres => "Host=127.0.0.1;Port=9;Username=postgres;Password=not-a-real-secret;Database=unreachable;Timeout=2",
        _ => "Server=tcp:127.0.0.1,9;Database=unreachable;User Id=sa;Password=not-a-real-secret;Connect Timeout=2;Encrypt=false",
    };

    protected override IDbAdapter RespawnAdapter => throw new NotSupportedException("Nothing to reset: it cannot be reached.");

    protected override string[] Schemas => [];

    public override Task ResetAsync() => Task.CompletedTask;

    public override ApplicationDbContext CreateContext() => throw new NotSupportedException("It cannot be reached.");

    public override Task CreateEmptyAsync() => throw new NotSupportedException("It cannot be reached.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override DbConnection CreateConnection() => throw new NotSupportedException("It cannot be reached.");
}
