using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// SQL run through EF Core's command layer — the context's connection and transaction, its interceptors, command
/// logging and diagnostics — without the query or update pipelines above it (ADR 0014).
/// </summary>
internal static class CommandLayer
{
    /// <param name="sql">The statement, with <c>{0}</c>, <c>{1}</c>, … where the parameters go.</param>
    public static Task<RelationalDataReader> ExecuteReaderAsync(
        this DbContext context, string sql, DbParameter[] parameters, CancellationToken cancellationToken)
    {
        var command = context.GetService<IRawSqlCommandBuilder>().Build(sql, parameters, context.Model);
        return command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(
                context.GetService<IRelationalConnection>(),
                command.ParameterValues,
                readerColumns: null,
                context,
                context.GetService<IRelationalCommandDiagnosticsLogger>(),
                CommandSource.FromSqlQuery),
            cancellationToken);
    }
}
