namespace CallTranscription.Application.Common.Interfaces;

/// <summary>Finds the driver a conversation was placed to, from the records written when the call was placed.</summary>
public interface IDriverLookup
{
    Task<int?> FindDriverIdByConversationIdAsync(string conversationId, CancellationToken cancellationToken);
}
