using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>Start-up could not use the database; the message names the database, where it is, and the real cause.</summary>
public sealed class DatabaseUnavailableException(string message, Exception innerException) : Exception(message, innerException)
{
    private const int CantOpen = 14;

    /// <summary>
    /// What went wrong, in the database's words: EF Core and the providers wrap the database's own error (an
    /// InvalidOperationException "likely due to a transient failure", an NpgsqlException around "Connection refused").
    /// </summary>
    public static string Cause(Exception exception, DbConnection connection)
    {
        var chain = new List<Exception>();
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            chain.Add(cause);
        }

        var database = chain.FindIndex(cause => cause is DbException);
        var reasons = chain[(database < 0 ? chain.Count - 1 : database)..].Select(cause => cause.Message.TrimEnd('.'));
        var message = string.Join(": ", reasons.Distinct());
        return chain.Any(c => c is SqliteException { SqliteErrorCode: CantOpen }) ? $"{message} ({SqliteFileProblem(connection.DataSource)})" : message;
    }

    /// <summary>Where the database is, never the credentials: a server and port, or a file.</summary>
    public static string Describe(DatabaseProvider provider, DbConnection connection) => provider == DatabaseProvider.Sqlite
        ? $"the Sqlite database {Path.GetFullPath(connection.DataSource)}"
        : $"the {provider} database '{connection.Database}' on {connection.DataSource}";

    // SQLITE_CANTOPEN says only "unable to open database file"; the file system says why.
    private static string SqliteFileProblem(string dataSource)
    {
        var path = Path.GetFullPath(dataSource);
        var directory = Path.GetDirectoryName(path) ?? path;
        return !Directory.Exists(directory) ? $"directory {directory} does not exist"
            : !File.Exists(path) ? $"directory {directory} is not writable"
            : $"file {path} cannot be opened for reading and writing";
    }
}
