using System.Data.Common;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

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
        WHERE table_schema = @schema AND table_name <> '__EFMigrationsHistory'
        """;

    private const string PostgresIndexes = """
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = @schema AND tablename <> '__EFMigrationsHistory'
        """;

    private const string PostgresConstraints = """
        SELECT 'constraint ' || t.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
        WHERE k.connamespace = @schema::regnamespace AND t.relname <> '__EFMigrationsHistory'
        """;

    private const string SqlServerColumns = """
        SELECT 'column ' + t.name + '.' + c.name + ' ' + ty.name + '(' + CAST(c.max_length AS varchar(10)) + ')'
            + ' nullable=' + CAST(c.is_nullable AS varchar(1)) + ' identity=' + CAST(c.is_identity AS varchar(1))
            + ' default=' + COALESCE(OBJECT_DEFINITION(c.default_object_id), '')
        FROM sys.columns c
        JOIN sys.tables t ON t.object_id = c.object_id
        JOIN sys.types ty ON ty.user_type_id = c.user_type_id
        WHERE SCHEMA_NAME(t.schema_id) = @schema AND t.name <> '__EFMigrationsHistory'
        """;

    private const string SqlServerIndexes = """
        SELECT 'index ' + t.name + '.' + i.name + ' unique=' + CAST(i.is_unique AS varchar(1))
            + ' pk=' + CAST(i.is_primary_key AS varchar(1)) + ' constraint=' + CAST(i.is_unique_constraint AS varchar(1))
            + ' on ' + STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal)
        FROM sys.indexes i
        JOIN sys.tables t ON t.object_id = i.object_id
        JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        WHERE SCHEMA_NAME(t.schema_id) = @schema AND t.name <> '__EFMigrationsHistory' AND i.name IS NOT NULL
        GROUP BY t.name, i.name, i.is_unique, i.is_primary_key, i.is_unique_constraint
        """;

    private const string SqlServerForeignKeys = """
        SELECT 'fk ' + OBJECT_NAME(fk.parent_object_id) + '.' + fk.name + ' -> ' + OBJECT_NAME(fk.referenced_object_id)
            + ' on delete ' + fk.delete_referential_action_desc
        FROM sys.foreign_keys fk
        WHERE SCHEMA_NAME(fk.schema_id) = @schema
        """;

    /// <summary>The schema's lines; schema is ignored on SQLite, and defaults to public / dbo.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, DatabaseKind kind, string? schema = null)
    {
        var queries = kind switch
        {
            DatabaseKind.Sqlite => new[] { SqliteColumns, SqliteIndexes, SqliteForeignKeys },
            DatabaseKind.Postgres => [PostgresColumns, PostgresIndexes, PostgresConstraints],
            _ => [SqlServerColumns, SqlServerIndexes, SqlServerForeignKeys],
        };
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            if (kind != DatabaseKind.Sqlite)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@schema";
                parameter.Value = schema ?? (kind == DatabaseKind.Postgres ? "public" : "dbo");
                command.Parameters.Add(parameter);
            }

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
