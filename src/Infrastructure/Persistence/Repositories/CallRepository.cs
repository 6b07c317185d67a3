using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal sealed class CallRepository(ApplicationDbContext context) : ICallRepository
{
    // SQLite needs no row lock: its writers are already one at a time (WriteGate, BEGIN IMMEDIATE).
    public Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken) =>
        context.Database.IsNpgsql()
            ? context.Calls.FromSql($"SELECT * FROM calls WHERE conversation_id = {conversationId} FOR UPDATE").FirstOrDefaultAsync(cancellationToken)
            : context.Calls.FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);

    public void Add(Call call) => context.Calls.Add(call);
}
