using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class CallRepository(DbContextLease lease) : ICallRepository
{
    // Server databases serialize a conversation's turns on its call row; SQLite uses SqliteCallRepository instead.
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        lease.Current.Database.IsNpgsql()
            ? lease.Current.Calls.FromSql($"SELECT * FROM calls WHERE conversation_id = {conversationId} FOR UPDATE").FirstOrDefaultAsync(cancellationToken)
            : CompiledQueries.CallByConversation.For(lease.Current)(lease.Current, conversationId, cancellationToken);

    public void Add(Call call) => lease.Current.Calls.Add(call);
}
