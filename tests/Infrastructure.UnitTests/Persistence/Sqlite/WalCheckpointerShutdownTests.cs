using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.UnitTests.Persistence.Sqlite;

/// <summary>
/// The host disposes its singletons newest first, after it has stopped handing out services: a checkpoint pass that
/// falls between the two finds the application's services gone and must end the loop quietly, not fail the shutdown.
/// </summary>
public class WalCheckpointerShutdownTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("calltranscription-shutdown-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [TestCase(0, TestName = "ShouldStopQuietlyWhenItsContextIsCreatedAfterTheApplicationsServicesAreDisposed")]
    [TestCase(50, TestName = "ShouldStopQuietlyWhenItsFirstPassFindsTheApplicationsServicesDisposed")]
    public async Task ShouldStopQuietlyWhenAPassFindsTheApplicationsServicesDisposed(int runningForMilliseconds)
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "shutdown.db")}";
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .Configure<DatabaseOptions>(_ => { })
            .AddDbContext<SqliteApplicationDbContext>(
                options => SqlitePersistence.Configure(options, connectionString), optionsLifetime: ServiceLifetime.Singleton)
            .AddSingleton<WalCheckpointer>()
            .AddSingleton<WaitsForACheckpointPassOnDispose>()
            .BuildServiceProvider();
        services.GetRequiredService<WalCheckpointer>().Start();
        services.GetRequiredService<WaitsForACheckpointPassOnDispose>();
        await Task.Delay(runningForMilliseconds); // less than an interval: no pass yet

        Assert.That(async () => await services.DisposeAsync(), Throws.Nothing);
    }

    /// <summary>Created after the checkpointer, so disposed before it: a pass runs while the provider is disposed.</summary>
    private sealed class WaitsForACheckpointPassOnDispose : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Task.Delay(WalCheckpointer.Interval * 3);
    }
}
