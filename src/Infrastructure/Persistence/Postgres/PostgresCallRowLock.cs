using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

internal sealed class PostgresCallRowLock : ICallRowLock
{
    // FOR UPDATE must stay inside the statement that filters: composed around a subquery it would lock every row.
    // The only text added is the table's name, from the model, delimited by the provider; the value is a parameter.
#pragma warning disable EF1003
    public IQueryable<Call> Select(ApplicationDbContext context, string conversationId) =>
        context.Calls.FromSqlRaw("SELECT * FROM " + context.DelimitedTableName<Call>() + " WHERE conversation_id = {0} FOR UPDATE", conversationId);
#pragma warning restore EF1003
}
