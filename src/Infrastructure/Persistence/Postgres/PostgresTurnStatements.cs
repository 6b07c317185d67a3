using System.Data.Common;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence.Repositories;
using Npgsql;
using NpgsqlTypes;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>
/// The statements every turn runs on PostgreSQL, as SQL through EF Core's command layer on the request's connection
/// and transaction (ADR 0014): EF Core's query and SaveChanges pipelines cost several times what the statements do.
/// Four round trips, as the raw reference makes: the call's row lock, the redelivery lookup with the last sequence
/// number, the insert, the commit.
/// Parameters are typed as their columns, so that every lookup seeks its index.
/// </summary>
internal static class PostgresTurnStatements
{
    internal static readonly PerModel<Sql> Statements = new(context => new Sql(
        context.DelimitedTableName<Call>(), context.DelimitedTableName<Transcription>()));

    public static async Task<Call?> FindCallForUpdateAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken)
    {
        await using var reader = await context.ExecuteReaderAsync(
            Statements.For(context).FindCallForUpdate, [ConversationId(conversationId)], cancellationToken);
        return await reader.DbDataReader.ReadAsync(cancellationToken) ? TurnRows.ReadCall(reader.DbDataReader) : null;
    }

    /// <summary>
    /// A redelivery of the turn, and the conversation's last sequence number, in one round trip: the unit of work that
    /// asks for the one asks for the other next, under the call's row lock.
    /// </summary>
    public static async Task<(Transcription? Stored, int LastSequenceNumber)> FindByContentHashAsync(
        ApplicationDbContext context, string conversationId, string contentHash, CancellationToken cancellationToken)
    {
        await using var reader = await context.ExecuteReaderAsync(
            Statements.For(context).FindByContentHashAndLastSequenceNumber,
            [ConversationId(conversationId), new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Char, TypedValue = contentHash }],
            cancellationToken);
        var rows = reader.DbDataReader;
        var stored = await rows.ReadAsync(cancellationToken) ? TurnRows.ReadTranscription(rows) : null;
        await rows.NextResultAsync(cancellationToken);
        return (stored, await ReadLastSequenceNumberAsync(rows, cancellationToken));
    }

    /// <summary>MAX over the (conversation_id, sequence_number) index: constant time however long the conversation.</summary>
    public static async Task<int> LastSequenceNumberAsync(ApplicationDbContext context, string conversationId, CancellationToken cancellationToken)
    {
        await using var reader = await context.ExecuteReaderAsync(
            Statements.For(context).LastSequenceNumber, [ConversationId(conversationId)], cancellationToken);
        return await ReadLastSequenceNumberAsync(reader.DbDataReader, cancellationToken);
    }

    public static async Task InsertAsync(ApplicationDbContext context, Transcription transcription, CancellationToken cancellationToken)
    {
        var values = TurnRows.InsertValues(transcription);
        var parameters = new DbParameter[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i] = new NpgsqlParameter { NpgsqlDbType = InsertTypes[i], Value = values[i] };
        }

        await using var reader = await context.ExecuteReaderAsync(Statements.For(context).InsertTranscription, parameters, cancellationToken);
        await reader.DbDataReader.ReadAsync(cancellationToken);
        EntityIds.Set(transcription, reader.DbDataReader.GetInt32(0));
    }

    // The column types of TurnRows.TranscriptionInsertColumns, as the migrations create them.
    private static readonly NpgsqlDbType[] InsertTypes =
    [
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
        NpgsqlDbType.Char, NpgsqlDbType.TimestampTz,
    ];

    // MAX over no rows is NULL: a conversation without turns has numbered none yet.
    private static async Task<int> ReadLastSequenceNumberAsync(DbDataReader rows, CancellationToken cancellationToken)
    {
        await rows.ReadAsync(cancellationToken);
        return rows.IsDBNull(0) ? 0 : rows.GetInt32(0);
    }

    private static NpgsqlParameter<string> ConversationId(string conversationId) =>
        new() { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = conversationId };

    /// <summary>The statements for one model: its tables, in its schema, delimited as PostgreSQL wants them.</summary>
    internal sealed class Sql(string calls, string transcriptions)
    {
        // FOR UPDATE sits in the statement that filters: composed around a subquery it would lock every call.
        public string FindCallForUpdate { get; } = $"SELECT {TurnRows.CallColumns} FROM {calls} WHERE conversation_id = {{0}} FOR UPDATE";

        public string LastSequenceNumber { get; } = LastSequenceNumberIn(transcriptions);

        public string FindByContentHashAndLastSequenceNumber { get; } =
            $"SELECT {TurnRows.TranscriptionColumns} FROM {transcriptions} WHERE conversation_id = {{0}} AND content_hash = {{1}}; "
            + LastSequenceNumberIn(transcriptions);

        public string InsertTranscription { get; } =
            $"INSERT INTO {transcriptions} ({TurnRows.TranscriptionInsertColumns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}) RETURNING id";

        private static string LastSequenceNumberIn(string transcriptions) =>
            $"SELECT MAX(sequence_number) FROM {transcriptions} WHERE conversation_id = {{0}}";
    }
}
