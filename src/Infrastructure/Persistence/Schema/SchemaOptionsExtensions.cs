using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallTranscription.Infrastructure.Persistence.Schema;

internal static class SchemaOptionsExtensions
{
    /// <summary>
    /// Migrates into Database:Schema when one is set. The model snapshots are schema-neutral, so with a schema EF's
    /// pending-model-changes check would see every table move; that check runs per provider without a schema
    /// (MigrationSnapshotTests) and is not repeated here.
    /// </summary>
    public static DbContextOptionsBuilder MigrateInto<TProviderGenerator>(this DbContextOptionsBuilder options, DatabaseSchema schema)
        where TProviderGenerator : IMigrationsSqlGenerator =>
        schema.Name is null
            ? options
            : options
                .ReplaceService<IMigrationsSqlGenerator, SchemaQualifyingMigrationsSqlGenerator<TProviderGenerator>>()
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
