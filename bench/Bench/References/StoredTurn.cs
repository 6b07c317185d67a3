namespace CallTranscription.Bench.References;

/// <summary>What a reference answers: the stored row's id and number, and whether it was stored before.</summary>
internal sealed record StoredTurn(int Id, int SequenceNumber, bool Replayed);

internal interface ITurnStore
{
    Task<StoredTurn> StoreAsync(Turn turn);
}
