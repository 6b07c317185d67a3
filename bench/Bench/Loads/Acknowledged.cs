namespace CallTranscription.Bench.Loads;

/// <summary>Sequence numbers the server acknowledged, per conversation, in the order it sent them.</summary>
internal sealed class Acknowledged
{
    private readonly Dictionary<string, List<int>> _byConversation = [];

    public IReadOnlyDictionary<string, List<int>> ByConversation => _byConversation;

    public long Total => _byConversation.Values.Sum(v => (long)v.Count);

    public void Add(string conversationId, int sequence)
    {
        if (!_byConversation.TryGetValue(conversationId, out var list))
        {
            _byConversation[conversationId] = list = [];
        }

        list.Add(sequence);
    }
}
