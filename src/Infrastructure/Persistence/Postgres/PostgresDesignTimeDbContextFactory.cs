using Microsoft.EntityFrameworkCore.Design;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>For `dotnet ef ... --context PostgresApplicationDbContext`; generating migrations connects to nothing.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresApplicationDbContext>
{
    public PostgresApplicationDbContext CreateDbContext(string[] args) =>
        PostgresPersistence.CreateContext("Host=localhost;Database=calltranscription", schema: null);
}
