using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// Migrations are hand-written (no `dotnet ef` here), so nothing else notices when the model changes without one:
/// the schema the migrations build must equal the schema EF derives from the model.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres)]
public class MigrationTests(DatabaseKind kind)
{
    private readonly List<TestDatabase> _databases = [];

    [TearDown]
    public async Task DropDatabasesAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        _databases.Clear();
    }

    [Test]
    public async Task MigratedSchemaShouldMatchTheModel()
    {
        await using var migrated = await ContextOnNewDatabaseAsync();
        await using var fromModel = await ContextOnNewDatabaseAsync();

        await migrated.Database.MigrateAsync();
        await fromModel.Database.EnsureCreatedAsync();

        var migratedSchema = await ReadSchemaAsync(migrated);
        var modelSchema = await ReadSchemaAsync(fromModel);
        Assert.That(migratedSchema, Is.Not.Empty);
        Assert.That(migratedSchema, Is.EqualTo(modelSchema),
            "The model changed without a matching migration. Write one in src/Infrastructure/Persistence/Migrations.");
    }

    [Test]
    public async Task ShouldCreateTheContractTablesAndColumns()
    {
        await using var context = await ContextOnNewDatabaseAsync();
        await context.Database.MigrateAsync();

        var schema = string.Join("\n", await ReadSchemaAsync(context));
        string[] expected =
        [
            "drivers.id", "drivers.full_name", "drivers.phone_number", "drivers.created_at",
            "elevenlabs_call_records.id", "elevenlabs_call_records.conversation_id", "elevenlabs_call_records.driver_id",
            "elevenlabs_call_records.phone_number", "elevenlabs_call_records.created_at",
            "calls.id", "calls.conversation_id", "calls.driver_id", "calls.call_start_time", "calls.call_end_time",
            "calls.status", "calls.created_at", "calls.updated_at",
            "call_transcriptions.id", "call_transcriptions.conversation_id", "call_transcriptions.speaker_type",
            "call_transcriptions.message_text", "call_transcriptions.timestamp", "call_transcriptions.sequence_number",
            "call_transcriptions.created_at",
        ];
        Assert.Multiple(() =>
        {
            foreach (var column in expected)
            {
                Assert.That(schema, Does.Contain($"column {column} "));
            }
        });
    }

    [Test]
    public async Task ShouldApplyMigrationsIdempotently()
    {
        await using var context = await ContextOnNewDatabaseAsync();

        await context.Database.MigrateAsync();
        await context.Database.MigrateAsync();

        Assert.That(await context.Database.GetAppliedMigrationsAsync(), Is.EqualTo(context.Database.GetMigrations()));
        Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    private async Task<ApplicationDbContext> ContextOnNewDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(kind);
        _databases.Add(database);
        var options = new DbContextOptionsBuilder<ApplicationDbContext>()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        _ = database.Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(database.ConnectionString)
            : options.UseNpgsql(database.ConnectionString);
        return new ApplicationDbContext(options.Options);
    }

    private static async Task<IReadOnlyList<string>> ReadSchemaAsync(ApplicationDbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return await SchemaReader.ReadAsync(connection, context.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
