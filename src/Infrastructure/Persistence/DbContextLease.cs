using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// The DbContext a request's repositories work on: the request's own, or — while SQLite's single writer runs the
/// request's unit of work inside a shared batch — the writer's. The request's own is created only if used.
/// </summary>
internal sealed class DbContextLease(IServiceProvider requestServices)
{
    private ApplicationDbContext? _borrowed;

    public ApplicationDbContext Current => _borrowed ?? requestServices.GetRequiredService<ApplicationDbContext>();

    public IDisposable Use(ApplicationDbContext context)
    {
        _borrowed = context;
        return new Return(this);
    }

    private sealed class Return(DbContextLease lease) : IDisposable
    {
        public void Dispose() => lease._borrowed = null;
    }
}
