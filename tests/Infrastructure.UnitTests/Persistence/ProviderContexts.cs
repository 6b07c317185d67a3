using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Schema;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.SqlServer;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>Contexts of each provider that never connect: model, migrations, scripts and SQL text need no server.</summary>
public static class ProviderContexts
{
    public const string SqlServerConnectionString = "Server=localhost;Database=calltranscription;Integrated Security=true;TrustServerCertificate=true";

    public static IEnumerable<DatabaseProvider> All => Enum.GetValues<DatabaseProvider>();

    public static ApplicationDbContext Create(DatabaseProvider provider, string? schema = null) => provider switch
    {
        DatabaseProvider.Sqlite => SqlitePersistence.CreateContext("Data Source=:memory:"),
        DatabaseProvider.Postgres => PostgresPersistence.CreateContext("Host=localhost;Database=calltranscription", new DatabaseSchema(schema)),
        DatabaseProvider.SqlServer => SqlServerPersistence.CreateContext(SqlServerConnectionString, new DatabaseSchema(schema)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
