using System.Diagnostics;
using CallTranscription.WebApi.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

public class ExceptionTextRedactionTests
{
    private const string Secret = "duplicate key (conversation, message)=(conv_1, My number is +15550104477)";

    [Test]
    public void ShouldKeepTheExceptionTypeAndDropItsTextFromEventsAndStatus()
    {
        using var source = new ActivitySource("Redaction.Test");
        var exported = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .AddProcessor(new ExceptionTextRedaction())
            .AddInMemoryExporter(exported)
            .Build())
        {
            using var activity = source.StartActivity("INSERT");
            var failure = new InvalidOperationException(Secret);
            activity!.AddException(failure);
            activity.SetTag("error.type", failure.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, failure.Message);
        }

        var span = exported.Single();
        var exception = span.Events.Single(e => e.Name == "exception");
        Assert.Multiple(() =>
        {
            Assert.That(span.StatusDescription, Is.EqualTo("System.InvalidOperationException"));
            Assert.That(exception.Tags.ToDictionary(t => t.Key, t => t.Value?.ToString()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["exception.message"] = "InvalidOperationException",
                ["exception.stacktrace"] = "",
                ["exception.type"] = "System.InvalidOperationException",
            }));
        });
    }
}
