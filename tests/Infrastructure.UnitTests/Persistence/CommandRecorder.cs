using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// EF Core's command log without a server: opening the connection is suppressed, and each command is recorded — its
/// text and its parameters as SqlClient would send them — and answered with an empty result instead of being sent.
/// </summary>
internal sealed class CommandRecorder : DbCommandInterceptor, IDbConnectionInterceptor
{
    public List<RecordedCommand> Commands { get; } = [];

    public RecordedCommand Single => Commands.Count == 1 ? Commands[0] : throw new AssertionException($"{Commands.Count} commands were sent.");

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(RecordedCommand.From((SqlCommand)command));
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader()));
    }
}

internal sealed record RecordedCommand(string Sql, IReadOnlyDictionary<string, string> Parameters)
{
    public static RecordedCommand From(SqlCommand command) => new(
        command.CommandText,
        command.Parameters.Cast<SqlParameter>().ToDictionary(p => p.ParameterName, p => $"{p.SqlDbType}({p.Size})"));
}
