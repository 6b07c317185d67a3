using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CallTranscription.Application.Common.Telemetry;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Telemetry;

public class TracingTests(DatabaseKind kind) : TelemetryTestBase(kind)
{
    private const string ServerSource = "Microsoft.AspNetCore";
    private const string CommandSource = "CallTranscription";
    private const string Message = "My number is +15550104477";

    [Test]
    public async Task ShouldTraceAStoredTurnFromTheRequestToTheDatabaseInTheCallersTrace()
    {
        var callerTrace = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();

        var response = await PostWithTraceparentAsync(Turn("conv_traced", message: Message), callerTrace, callerSpan);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var spans = await Telemetry.SpansOfAsync(callerTrace, all => all.Any(s => s.Source.Name == ServerSource));
        var server = spans.Single(s => s.Source.Name == ServerSource);
        var command = spans.Single(s => s.Source.Name == CommandSource);
        var database = spans.Where(IsDatabaseSpan).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(server.DisplayName, Is.EqualTo("POST /webhooks/elevenlabs/transcription"));
            Assert.That(server.ParentSpanId, Is.EqualTo(callerSpan));
            Assert.That(command.DisplayName, Is.EqualTo("SaveTranscription"));
            Assert.That(command.GetTagItem(CallTranscriptionTelemetry.ConversationIdAttribute), Is.EqualTo("conv_traced"));
            Assert.That(command.ParentSpanId, Is.EqualTo(server.SpanId));
            Assert.That(database, Is.Not.Empty, string.Join(", ", spans.Select(s => $"{s.Source.Name}: {s.DisplayName}")));
            Assert.That(database.Select(QueryText), Has.Some.Contains("INSERT INTO"));
            Assert.That(database.Select(s => s.ParentSpanId), Has.Some.EqualTo(command.SpanId));
        });

        // Statement text, never the values bound to it.
        var values = spans.SelectMany(s => s.TagObjects).Select(tag => tag.Value?.ToString() ?? "");
        Assert.That(values, Has.None.Contains("+15550104477"));
    }

    [Test]
    public async Task ShouldRecordARefusedCommandByExceptionTypeOnly()
    {
        var trace = ActivityTraceId.CreateRandom();

        var response = await PostWithTraceparentAsync(Turn("conv_refused", message: Message, timestamp: "not a time"), trace, ActivitySpanId.CreateRandom());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var spans = await Telemetry.SpansOfAsync(trace, all => all.Any(s => s.Source.Name == ServerSource));
        var command = spans.Single(s => s.Source.Name == CommandSource);
        Assert.Multiple(() =>
        {
            Assert.That(command.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(command.StatusDescription, Is.EqualTo("CallTranscription.Application.Common.Exceptions.ValidationException"));
            Assert.That(command.GetTagItem("error.type"), Is.EqualTo(command.StatusDescription));
            Assert.That(command.Events, Is.Empty);
        });
    }

    [Test]
    public async Task ShouldWriteTheTraceIdOnTheLogLinesOfTheRequest()
    {
        var trace = ActivityTraceId.CreateRandom();

        var response = await PostWithTraceparentAsync(Turn("conv_logged"), trace, ActivitySpanId.CreateRandom());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var spans = await Telemetry.SpansOfAsync(trace, all => all.Any(s => s.Source.Name == ServerSource));
        var server = spans.Single(s => s.Source.Name == ServerSource);
        var requestLine = Telemetry.Logs.Single(log => log.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware" && log.Message.Contains("conv_logged"));
        Assert.That((requestLine.TraceId, requestLine.SpanId), Is.EqualTo((trace, server.SpanId)));
    }

    private bool IsDatabaseSpan(Activity span) => span.Source.Name switch
    {
        "Npgsql" => Kind == DatabaseKind.Postgres,
        "OpenTelemetry.Instrumentation.EntityFrameworkCore" => Kind == DatabaseKind.Sqlite,
        "OpenTelemetry.Instrumentation.SqlClient" => Kind == DatabaseKind.SqlServer,
        _ => false,
    };

    private static string QueryText(Activity span) =>
        (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement"))?.ToString() ?? "";

    private Task<HttpResponseMessage> PostWithTraceparentAsync(object body, ActivityTraceId trace, ActivitySpanId parent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{parent.ToHexString()}-01");
        return ObservedClient.SendAsync(request);
    }
}
