using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// On a real database of each provider: the schema the provider's migrations build must equal the one EF Core derives
/// from the model, and must hold the contract's tables and columns. (MigrationSnapshotTests, in the Infrastructure unit
/// tests, hold each provider's model snapshot to the model without a database.) One database migrated for the suite,
/// from empty.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Kinds))]
public class MigrationTests(DatabaseKind kind)
{
    private readonly List<TestDatabase> _databases = [];
    private ApplicationDbContext _migrated = null!;

    [OneTimeSetUp]
    public async Task MigrateANewDatabaseAsync()
    {
        _migrated = await ContextOnNewDatabaseAsync();
        await _migrated.Database.MigrateAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabasesAsync()
    {
        if (_migrated is not null)
        {
            await _migrated.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task MigratedSchemaShouldMatchTheModel()
    {
        await using var fromModel = await ContextOnNewDatabaseAsync();

        await fromModel.Database.EnsureCreatedAsync();

        var migratedSchema = await ReadSchemaAsync(_migrated);
        var modelSchema = await ReadSchemaAsync(fromModel);
        Assert.That(migratedSchema, Is.Not.Empty);
        Assert.That(migratedSchema, Is.EqualTo(modelSchema),
            "The model changed without a matching migration: run `dotnet ef migrations add` for each provider (docs/decisions/0009).");
    }

    [Test]
    public async Task ShouldCreateTheContractTablesAndColumns()
    {
        var schema = string.Join("\n", await ReadSchemaAsync(_migrated));
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
        await _migrated.Database.MigrateAsync();

        Assert.That(await _migrated.Database.GetAppliedMigrationsAsync(), Is.EqualTo(_migrated.Database.GetMigrations()));
        Assert.That(await _migrated.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    private async Task<ApplicationDbContext> ContextOnNewDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(kind);
        _databases.Add(database);
        return database.CreateContext();
    }

    private async Task<IReadOnlyList<string>> ReadSchemaAsync(ApplicationDbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return await SchemaReader.ReadAsync(connection, kind);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
