using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence;

internal static class ServerPersistence
{
    /// <summary>A server database (PostgreSQL, SQL Server): one transaction per request, on a pooled DbContext.</summary>
    public static IServiceCollection AddServerPersistence<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : ApplicationDbContext
    {
        // Pooled: creating a DbContext (its internal service scope) cost ~8 % of the CPU per request (docs/performance.md).
        services.AddDbContextPool<ApplicationDbContext, TContext>(configure);
        services.AddScoped<IUnitOfWork, TransactionalUnitOfWork>();
        return services;
    }

    /// <summary>The repositories in EF Core's LINQ, a conversation's turns queued on its call row by the provider's row lock.</summary>
    public static IServiceCollection AddEfCoreRepositories<TRowLock>(this IServiceCollection services)
        where TRowLock : class, ICallRowLock
    {
        services.AddSingleton<ICallRowLock, TRowLock>();
        services.AddScoped<ICallRepository, CallRepository>();
        services.AddScoped<ITranscriptionRepository, TranscriptionRepository>();
        return services;
    }
}
