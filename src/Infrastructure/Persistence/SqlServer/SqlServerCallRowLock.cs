using CallTranscription.Domain.Calls;
using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.SqlServer;

internal sealed class SqlServerCallRowLock : ICallRowLock
{
    // UPDLOCK: one transaction at a time may hold the row for update. HOLDLOCK: held to commit, and over the key range,
    // so two first turns of a new conversation (no row yet) also wait for each other. The filter is composed by EF
    // Core so that its parameter is typed as the column is (nvarchar(128)) and the unique index is seeked.
    // The only text added is the table's name, from the model, delimited by the provider; the value is a parameter.
#pragma warning disable EF1003
    private static readonly PerModel<Func<ApplicationDbContext, string, CancellationToken, Task<Call?>>> _call = new(context =>
    {
        var sql = LockingRead(context);
        return EF.CompileAsyncQuery((ApplicationDbContext db, string conversationId, CancellationToken _) =>
            db.Calls.FromSqlRaw(sql).FirstOrDefault(call => call.ConversationId == conversationId));
    });
#pragma warning restore EF1003

    public Task<Call?> FindAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken) =>
        _call.For(context)(context, conversationId, cancellationToken);

    private static string LockingRead(DbContext context) => "SELECT * FROM " + context.DelimitedTableName<Call>() + " WITH (UPDLOCK, HOLDLOCK)";
}
