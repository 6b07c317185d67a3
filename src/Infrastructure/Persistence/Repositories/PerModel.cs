using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

/// <summary>
/// Something built once per model — a compiled query, a statement naming the model's tables — since each database
/// provider, and each Database:Schema, has a model of its own.
/// </summary>
internal sealed class PerModel<T>(Func<DbContext, T> build)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _built = new();

    public T For(DbContext context) =>
        _built.TryGetValue(context.Model, out var built) ? built : _built.GetValue(context.Model, _ => build(context));
}
