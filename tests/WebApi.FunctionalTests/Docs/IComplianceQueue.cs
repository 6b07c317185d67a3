namespace Acme.Compliance;

/// <summary>The queue of docs/extending.md's example handler; ExtensionTests gives it a recording implementation.</summary>
public interface IComplianceQueue
{
    Task EnqueueAsync(string conversationId, int transcriptionId, CancellationToken cancellationToken);
}
