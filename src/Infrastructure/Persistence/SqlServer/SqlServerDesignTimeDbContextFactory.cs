using Microsoft.EntityFrameworkCore.Design;

namespace CallTranscription.Infrastructure.Persistence.SqlServer;

/// <summary>For `dotnet ef ... --context SqlServerApplicationDbContext`; generating migrations connects to nothing.</summary>
internal sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerApplicationDbContext>
{
    public SqlServerApplicationDbContext CreateDbContext(string[] args) =>
        SqlServerPersistence.CreateContext("Server=localhost;Database=calltranscription;Integrated Security=true;TrustServerCertificate=true");
}
