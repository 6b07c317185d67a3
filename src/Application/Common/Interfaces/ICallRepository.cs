using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Common.Interfaces;

public interface ICallRepository
{
    Task<Call?> FindByConversationIdAsync(string conversationId, CancellationToken cancellationToken);

    void Add(Call call);
}
