using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests;

/// <summary>Stops the shared services once every suite in the assembly has run.</summary>
[SetUpFixture]
public sealed class SharedServicesTeardown
{
    [OneTimeTearDown]
    public Task StopSharedServicesAsync() => SharedServices.StopAllAsync();
}
