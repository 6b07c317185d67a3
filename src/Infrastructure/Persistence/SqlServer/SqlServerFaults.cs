using System.Collections.Frozen;
using Microsoft.Data.SqlClient;

namespace CallTranscription.Infrastructure.Persistence.SqlServer;

/// <summary>SQL Server's error numbers, sorted into the retry pipeline's two kinds (docs/decisions/0010-sql-server.md).</summary>
internal static class SqlServerFaults
{
    // 2601 duplicate key in a unique index, 2627 unique constraint violation, 1205 chosen as deadlock victim: the
    // transaction was rolled back and re-running the unit of work resolves it, like PostgreSQL's 23505 and 40P01.
    private static readonly FrozenSet<int> _conflicts = FrozenSet.ToFrozenSet([2601, 2627, 1205]);

    private static readonly FrozenSet<int> _transient = FrozenSet.ToFrozenSet(
    [
        -2,    // client timeout: safe for us to re-run, because a replayed turn is recognized by its content hash
        20, 64, 121, 233, 10053, 10054, 10060, // connection dropped, refused or broken during login
        1222,  // lock request timeout
        4060,  // cannot open the database: it is starting up or failing over
        10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, // Azure SQL: busy, resource limits, reconfiguring
        49918, 49919, 49920, 49977, 49983,
        41301, 41302, 41305, 41325, 41839, // In-Memory OLTP validation and dependency failures
    ]);

    public static bool IsConflict(Exception exception) => HasError(exception, _conflicts);

    public static bool IsTransient(Exception exception) => HasError(exception, _transient);

    private static bool HasError(Exception exception, FrozenSet<int> numbers) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(error => numbers.Contains(error.Number));
}
