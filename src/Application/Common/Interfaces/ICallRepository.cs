using CallTranscription.Domain.Calls;

namespace CallTranscription.Application.Common.Interfaces;

public interface ICallRepository
{
    /// <summary>
    /// Finds the conversation's call and holds it until the unit of work ends, so that concurrent turns of one
    /// conversation are numbered one after another instead of colliding. The call comes back tracked: a change made
    /// through its methods (<see cref="Call.Complete"/>, <see cref="Call.Fail"/>) is saved with the unit of work.
    /// </summary>
    Task<Call?> FindForUpdateAsync(string conversationId, CancellationToken cancellationToken);

    void Add(Call call);
}
