using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Repositories;
using CallTranscription.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>
/// What the SQL Server repositories send, taken from EF Core's command pipeline (no server here): the lock hints, and
/// parameters typed as their columns, so SQL Server seeks the indexes without converting.
/// </summary>
public class SqlServerCommandTests
{
    private CommandRecorder _recorder = null!;
    private ServiceProvider _services = null!;

    private ApplicationDbContext Context => _services.GetRequiredService<ApplicationDbContext>();

    [SetUp]
    public void CreateContext()
    {
        _recorder = new CommandRecorder();
        var options = new DbContextOptionsBuilder<SqlServerApplicationDbContext>();
        SqlServerPersistence.Configure(options, ProviderContexts.SqlServerConnectionString).AddInterceptors(_recorder);
        _services = new ServiceCollection()
            .AddSingleton<ApplicationDbContext>(new SqlServerApplicationDbContext(options.Options))
            .BuildServiceProvider();
    }

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [Test]
    public async Task ShouldReadTheCallUnderAnUpdateAndKeyRangeLock()
    {
        var call = await new CallRepository(Context, new SqlServerCallRowLock()).FindForUpdateAsync("conv_1", CancellationToken.None);

        Assert.That(call, Is.Null);
        Assert.That(_recorder.Single.Sql, Does.Contain("FROM [calls] WITH (UPDLOCK, HOLDLOCK)"));
        Assert.That(_recorder.Single.Parameters, Is.EqualTo(new Dictionary<string, string> { ["@conversationId"] = "NVarChar(128)" }));
    }

    [Test]
    public async Task ShouldLookUpARedeliveryWithParametersTypedAsTheUniqueIndex()
    {
        await new TranscriptionRepository(Context).FindByContentHashAsync("conv_1", new string('a', 64), CancellationToken.None);

        Assert.That(_recorder.Single.Sql, Does.Contain("[c].[conversation_id] = @conversationId AND [c].[content_hash] = @contentHash"));
        Assert.That(_recorder.Single.Parameters, Is.EqualTo(new Dictionary<string, string>
        {
            ["@conversationId"] = "NVarChar(128)",
            ["@contentHash"] = "NChar(64)",
        }));
    }

    [Test]
    public async Task ShouldTakeTheLastSequenceNumberAsAMaximum()
    {
        try
        {
            await new TranscriptionRepository(Context).GetLastSequenceNumberAsync("conv_1", CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The recorder answers with no row at all, which a real MAX never does; the command is what is under test.
        }

        Assert.That(_recorder.Single.Sql, Does.Contain("SELECT MAX([c].[sequence_number])"));
        Assert.That(_recorder.Single.Sql, Does.Contain("WHERE [c].[conversation_id] = @conversationId"));
        Assert.That(_recorder.Single.Parameters["@conversationId"], Is.EqualTo("NVarChar(128)"));
    }

    [Test]
    public void ShouldInsertATurnAndReadBackItsIdentity()
    {
        new TranscriptionRepository(Context).Add(new Transcription
        {
            ConversationId = "conv_1", SpeakerType = SpeakerType.Driver, MessageText = "Yes.", Timestamp = DateTimeOffset.UnixEpoch,
            SequenceNumber = 1, ContentHash = new string('a', 64), CreatedAt = DateTimeOffset.UnixEpoch,
        });

        // No row comes back from the recorder, so EF Core reports the insert as not applied; the command was still sent.
        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Context.SaveChangesAsync());

        var insert = _recorder.Single;
        Assert.That(insert.Sql, Does.Contain("INSERT INTO [call_transcriptions]"));
        Assert.That(insert.Sql, Does.Contain("OUTPUT INSERTED.[id]"));
        Assert.That(insert.Parameters.Values, Is.EquivalentTo(new[]
        {
            "NChar(64)", "NVarChar(128)", "DateTimeOffset(0)", "NVarChar(4000)", "Int(0)", "NVarChar(16)", "DateTimeOffset(0)",
        }), "content_hash, conversation_id, created_at, message_text, sequence_number, speaker_type, timestamp");
    }
}
