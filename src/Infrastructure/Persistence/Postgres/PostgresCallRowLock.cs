using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

internal sealed class PostgresCallRowLock : ICallRowLock
{
    // FOR UPDATE stays inside the statement that filters: composed around a subquery it would lock every row.
    // Two first turns of a new conversation find no row to lock; the unique index on conversation_id makes the second
    // insert fail, and the retry pipeline re-runs it, now finding the call.
    // The only text added is the table's name, from the model, delimited by the provider; the value is a parameter.
    // Not a compiled query: EF Core cannot compile a FromSqlRaw whose parameter is an argument of the compiled query
    // (it throws while extracting parameters), and the filter cannot move out of the raw SQL (see above).
    private static readonly PerModel<string> _lockingRead = new(context =>
        "SELECT * FROM " + context.DelimitedTableName<Call>() + " WHERE conversation_id = {0} FOR UPDATE");

    // Single, not First: the filter is in the SQL, where EF Core cannot see it, and a First without one warns. The
    // unique index on conversation_id holds a conversation to one call.
#pragma warning disable EF1003
    public Task<Call?> FindAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken) =>
        context.Calls.FromSqlRaw(_lockingRead.For(context), conversationId).SingleOrDefaultAsync(cancellationToken);
#pragma warning restore EF1003
}
