using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CallTranscription.Infrastructure.Persistence.Schema;

/// <summary>EF Core builds a model once per context type; the schema is part of the model, so it is part of the key.</summary>
internal sealed class SchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as ApplicationDbContext)?.Schema, designTime);
}
