using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>Reads a database's schema as sorted lines (columns, indexes, constraints), to compare two databases.</summary>
public static class SchemaReader
{
    private const string SqliteColumns = """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
        """;

    private const string SqliteIndexes = """
        SELECT 'index ' || m.name || '.' || il.name || ' unique=' || il."unique" || ' origin=' || il.origin || ' on '
            || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii)
        FROM sqlite_master m JOIN pragma_index_list(m.name) il
        WHERE m.type = 'table' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
        """;

    private const string SqliteForeignKeys = """
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table'
        """;

    private const string PostgresColumns = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || '(' || coalesce(character_maximum_length::text, '') || ')'
            || ' nullable=' || is_nullable || ' identity=' || coalesce(identity_generation, 'no') || ' default=' || coalesce(column_default, '')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        """;

    private const string PostgresIndexes = """
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
        """;

    private const string PostgresConstraints = """
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, DatabaseProvider provider)
    {
        var queries = provider == DatabaseProvider.Sqlite
            ? new[] { SqliteColumns, SqliteIndexes, SqliteForeignKeys }
            : new[] { PostgresColumns, PostgresIndexes, PostgresConstraints };
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
