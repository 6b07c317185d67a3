using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal static class TableNames
{
    /// <summary>An entity's table as the provider spells it in SQL, for the few hand-written statements.</summary>
    public static string DelimitedTableName<TEntity>(this DbContext context)
    {
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        return context.GetService<ISqlGenerationHelper>().DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
    }
}
