using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Common.Interfaces;

public interface ICallRepository
{
    /// <summary>
    /// Finds the conversation's call and holds it until the unit of work ends, so that concurrent turns of one
    /// conversation are numbered one after another instead of colliding. The call comes back as stored: changing it
    /// does not change the database (no use case changes a call yet; one that does gets a method saying so).
    /// </summary>
    Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken);

    void Add(Call call);
}
