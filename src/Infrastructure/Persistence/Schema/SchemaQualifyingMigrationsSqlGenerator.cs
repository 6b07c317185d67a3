using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence.Schema;

/// <summary>
/// Migrations are generated without a schema, so one set serves every Database:Schema. When one is configured, this
/// puts it on every operation that names none, then lets the provider's own generator write the SQL.
/// </summary>
internal sealed class SchemaQualifyingMigrationsSqlGenerator<TProviderGenerator>(IServiceProvider services, ICurrentDbContext current)
    : IMigrationsSqlGenerator
    where TProviderGenerator : IMigrationsSqlGenerator
{
    private readonly IMigrationsSqlGenerator _providerGenerator = ActivatorUtilities.CreateInstance<TProviderGenerator>(services);

    public IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        if (current.Context is ApplicationDbContext { Schema: { } schema })
        {
            foreach (var operation in operations)
            {
                MigrationSchema.Apply(operation, schema);
            }
        }

        return _providerGenerator.Generate(operations, model, options);
    }
}
