using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallTranscription.Bench;

/// <summary>After the load: rows == acknowledged turns, each conversation numbered 1..n, one call per conversation.</summary>
internal static class DatabaseAudit
{
    /// <summary>
    /// For wrk's runs, which count acknowledgements but not their sequence numbers: every conversation numbered 1..n
    /// without gaps, one call each, and rows between the acknowledged turns and those plus the requests still in flight
    /// when a run stopped (at most one per connection per run).
    /// </summary>
    public static async Task<string> CheckCountsAsync(bool postgres, string connectionString, string conversationPrefix, long acknowledged, int inFlightAtMost)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var stored = await StoredAsync(connection, conversationPrefix);
        var calls = await CallsAsync(connection, conversationPrefix);
        var problems = stored.Where(s => s.Value.Min != 1 || s.Value.Max != s.Value.Rows || s.Value.Distinct != s.Value.Rows)
            .Select(s => $"{s.Key}: not numbered 1..n: {s.Value}").ToList();
        var rows = stored.Values.Sum(v => v.Rows);
        if (rows < acknowledged || rows > acknowledged + inFlightAtMost)
        {
            problems.Add($"{rows} rows for {acknowledged} acknowledged (+ at most {inFlightAtMost} in flight)");
        }

        if (calls != stored.Count)
        {
            problems.Add($"{calls} calls for {stored.Count} conversations");
        }

        return problems.Count == 0
            ? $"ok: {rows} rows, {acknowledged} acknowledged, {calls} calls, gapless"
            : "FAILED: " + string.Join("; ", problems.Take(5));
    }

    public static async Task<string> CheckAsync(bool postgres, string connectionString, string conversationPrefix, Acknowledged acknowledged)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
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

            if (!stored.TryGetValue(conversation, out var row) || row.Rows != sequences.Count || row.Min != 1 || row.Max != row.Rows || row.Distinct != row.Rows)
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

    private static async Task<Dictionary<string, (long Rows, long Min, long Max, long Distinct)>> StoredAsync(DbConnection connection, string conversationPrefix)
    {
        var stored = new Dictionary<string, (long Rows, long Min, long Max, long Distinct)>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT conversation_id, COUNT(*), MIN(sequence_number), MAX(sequence_number), COUNT(DISTINCT sequence_number)
            FROM call_transcriptions WHERE conversation_id LIKE '{conversationPrefix}-%' GROUP BY conversation_id
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        return stored;
    }

    private static async Task<long> CallsAsync(DbConnection connection, string conversationPrefix)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM calls WHERE conversation_id LIKE '{conversationPrefix}-%'";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
