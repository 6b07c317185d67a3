using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallTranscription.Infrastructure.Persistence.Schema;

internal static class SchemaOptionsExtensions
{
    private static DbContextOptionsBuilder WithExtension(this DbContextOptionsBuilder options, DatabaseSchemaOptionsExtension extension)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(extension);
        return options;
    }

    /// <summary>
    /// Database:Schema on a server database: carried in the options, the model's default schema (one model per schema),
    /// and the schema the migrations are qualified into. The model snapshots are schema-neutral, so with a schema EF's
    /// pending-model-changes check would see every table move; it runs per provider without one (MigrationSnapshotTests).
    /// </summary>
    public static DbContextOptionsBuilder UseDatabaseSchema<TProviderGenerator>(this DbContextOptionsBuilder options, DatabaseSchema schema)
        where TProviderGenerator : IMigrationsSqlGenerator =>
        schema.Name is null
            ? options.ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>()
            : options.ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>()
                .WithExtension(new DatabaseSchemaOptionsExtension(schema.Name))
                .ReplaceService<IMigrationsSqlGenerator, SchemaQualifyingMigrationsSqlGenerator<TProviderGenerator>>()
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
