using System.Data.Common;
using CallTranscription.Bench.Loads;

namespace CallTranscription.Bench.Servers;

/// <summary>
/// After the load, from the database itself: every acknowledged turn stored once, each conversation numbered 1..n
/// without a gap or a repeat, one call per conversation.
/// </summary>
internal static class DatabaseAudit
{
    /// <summary>
    /// For wrk's runs, which count acknowledgements but not their sequence numbers: every conversation numbered 1..n
    /// and no longer than a call, one call each, and rows between the acknowledged turns and those plus the requests
    /// left unanswered when a run stopped (the server may have stored them). A load of which no turn was acknowledged
    /// fails: a server that hangs must not pass.
    /// </summary>
    public static async Task<string> CheckCountsAsync(BenchDatabase database, string conversationPrefix, long acknowledged, long unanswered, int turnsPerCall)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var stored = await StoredAsync(connection, conversationPrefix);
        var calls = await CallsAsync(connection, conversationPrefix);
        var problems = stored.Where(s => !s.Value.NumberedOneToN)
            .Select(s => $"{s.Key}: not numbered 1..n: {s.Value}")
            .Concat(stored.Where(s => s.Value.Rows > turnsPerCall).Select(s => $"{s.Key}: {s.Value.Rows} turns in a call of {turnsPerCall}"))
            .ToList();
        var rows = stored.Values.Sum(v => v.Rows);
        if (rows < acknowledged || rows > acknowledged + unanswered)
        {
            problems.Add($"{rows} rows for {acknowledged} acknowledged (+ at most {unanswered} unanswered)");
        }

        if (acknowledged == 0)
        {
            problems.Add("no turn acknowledged");
        }

        if (calls != stored.Count)
        {
            problems.Add($"{calls} calls for {stored.Count} conversations");
        }

        return problems.Count == 0
            ? $"ok: {rows} rows, {acknowledged} acknowledged, {calls} calls, gapless"
            : "FAILED: " + string.Join("; ", problems.Take(5));
    }

    /// <summary>For the long call, whose every acknowledged sequence number is known: they are 1..n, and stored.</summary>
    public static async Task<string> CheckAsync(BenchDatabase database, string conversationPrefix, Acknowledged acknowledged)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var stored = await StoredAsync(connection, conversationPrefix);
        var calls = await CallsAsync(connection, conversationPrefix);

        var problems = new List<string>();
        foreach (var (conversation, sequences) in acknowledged.ByConversation)
        {
            if (!sequences.SequenceEqual(Enumerable.Range(1, sequences.Count)))
            {
                problems.Add($"{conversation}: acknowledged sequences are not 1..n in order");
            }

            if (!stored.TryGetValue(conversation, out var row) || row.Rows != sequences.Count || !row.NumberedOneToN)
            {
                problems.Add($"{conversation}: {sequences.Count} acknowledged, stored {row}");
            }
        }

        if (calls != acknowledged.ByConversation.Count || stored.Count != acknowledged.ByConversation.Count)
        {
            problems.Add($"{calls} calls and {stored.Count} stored conversations for {acknowledged.ByConversation.Count} acknowledged");
        }

        var rows = stored.Values.Sum(v => v.Rows);
        return problems.Count == 0
            ? $"ok: {rows} rows == {acknowledged.Total} acknowledged, {calls} calls, gapless"
            : "FAILED: " + string.Join("; ", problems.Take(5));
    }

    private static async Task<Dictionary<string, Numbering>> StoredAsync(DbConnection connection, string conversationPrefix)
    {
        var stored = new Dictionary<string, Numbering>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT conversation_id, COUNT(*), MIN(sequence_number), MAX(sequence_number), COUNT(DISTINCT sequence_number)
            FROM call_transcriptions WHERE conversation_id LIKE '{conversationPrefix}-%' GROUP BY conversation_id
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = new Numbering(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return stored;
    }

    private static async Task<long> CallsAsync(DbConnection connection, string conversationPrefix)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM calls WHERE conversation_id LIKE '{conversationPrefix}-%'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Numbering(long Rows, long Min, long Max, long Distinct)
    {
        public bool NumberedOneToN => Min == 1 && Max == Rows && Distinct == Rows;
    }
}
