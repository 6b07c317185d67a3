using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

public static class ProviderContextConfiguration
{
    /// <summary>Adds to the options of the context type the service registers for this provider.</summary>
    public static IServiceCollection ConfigureProviderContext(
        this IServiceCollection services, DatabaseProvider provider, Action<DbContextOptionsBuilder> configure) => provider switch
    {
        DatabaseProvider.Sqlite => services.ConfigureDbContext<SqliteApplicationDbContext>(configure),
        DatabaseProvider.Postgres => services.ConfigureDbContext<PostgresApplicationDbContext>(configure),
        DatabaseProvider.SqlServer => services.ConfigureDbContext<SqlServerApplicationDbContext>(configure),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
