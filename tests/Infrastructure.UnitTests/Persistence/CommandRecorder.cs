using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// EF Core's command log without a server: opening the connection is suppressed, and each command is recorded — its
/// text and its parameters as the provider would send them — and answered with <see cref="Answer"/> (an empty result
/// unless a test sets one) instead of being sent.
/// </summary>
public sealed class CommandRecorder : DbCommandInterceptor, IDbConnectionInterceptor
{
    public List<RecordedCommand> Commands { get; } = [];

    public DataTable? Answer { get; set; }

    public RecordedCommand Single => Commands.Count == 1 ? Commands[0] : throw new AssertionException($"{Commands.Count} commands were sent.");

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(RecordedCommand.From(command));
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult((Answer ?? new DataTable()).CreateDataReader()));
    }
}

public sealed record RecordedCommand(string Sql, IReadOnlyDictionary<string, string> Parameters)
{
    public static RecordedCommand From(DbCommand command) => new(
        command.CommandText,
        command.Parameters.Cast<DbParameter>().ToDictionary(p => p.ParameterName, TypeAsSent));

    private static string TypeAsSent(DbParameter parameter) => parameter switch
    {
        SqlParameter sql => $"{sql.SqlDbType}({sql.Size})",
        NpgsqlParameter npgsql => $"{npgsql.NpgsqlDbType}",
        _ => parameter.DbType.ToString(),
    };
}
