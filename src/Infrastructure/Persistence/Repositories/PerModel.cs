using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// A compiled query, or SQL text read from the model, built once per model: EF Core refuses to run a compiled query
/// against a model other than its own, and each database provider has a model of its own (a test run holds several).
/// </summary>
internal sealed class PerModel<T>(Func<DbContext, T> build)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _built = new();

    public T For(DbContext context) =>
        _built.TryGetValue(context.Model, out var built) ? built : _built.GetValue(context.Model, _ => build(context));
}
