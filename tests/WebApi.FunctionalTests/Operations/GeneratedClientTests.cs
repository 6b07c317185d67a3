using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>
/// What a user of the OpenAPI document does: generates a C# client from it with NSwag (the repository's dotnet tool,
/// <c>dotnet tool restore</c>), compiles it, and calls both webhooks with it.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class GeneratedClientTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    [Test]
    public async Task ShouldCallBothWebhooksWithAClientGeneratedFromTheDocument()
    {
        var generated = await GenerateClientAsync(await Client.GetStringAsync("/openapi/v1.json"));
        // ElevenLabs signs the bytes it sends; so does this handler, over whatever the generated client serialized.
        using var signing = Factory.CreateDefaultClient(new SigningHandler(PostCallSecret));
        dynamic client = Activator.CreateInstance(generated.GetType("Generated.WebhookClient")!, signing)!;
        client.BaseUrl = signing.BaseAddress!.ToString();

        var turn = As(generated, "TranscriptionRequest", Turn("conv_generated", Turns[0].Role, Turns[0].Message!));
        var accepted = Json(await client.StoreTranscriptionAsync(null, turn));
        var postCall = As(generated, "PostCallEvent", JsonDocument.Parse(TranscriptOf("conv_generated")).RootElement);
        var processed = Json(await client.ReceivePostCallEventAsync("signed by the handler", postCall));

        Assert.That(accepted.GetProperty("sequence_number").GetInt32(), Is.EqualTo(1));
        Assert.That(processed.GetProperty("call_status").GetString(), Is.EqualTo("completed"));
        Assert.That(processed.GetProperty("turns_already_stored").GetInt32(), Is.EqualTo(1));
        Assert.That(processed.GetProperty("turns_stored").GetInt32(), Is.EqualTo(Turns.Length - 1));
    }

    private static async Task<Assembly> GenerateClientAsync(string document)
    {
        var directory = Directory.CreateTempSubdirectory("calltranscription-client-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "openapi.json"), document);
            var nswag = new ProcessStartInfo("dotnet")
            {
                // Inside the repository, where the tool manifest is.
                WorkingDirectory = AppContext.BaseDirectory,
                ArgumentList =
                {
                    "nswag", "openapi2csclient", $"/input:{Path.Combine(directory.FullName, "openapi.json")}",
                    $"/output:{Path.Combine(directory.FullName, "Client.cs")}", "/namespace:Generated", "/className:WebhookClient",
                    "/JsonLibrary:SystemTextJson", "/GenerateClientInterfaces:false",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(nswag)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, output);
            return Compile(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "Client.cs")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "GeneratedWebhookClient", [CSharpSyntaxTree.ParseText(code)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }

    /// <summary>An instance of the generated record <paramref name="name"/>, read from our own JSON with its own attributes.</summary>
    private static dynamic As(Assembly generated, string name, object json) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(json), generated.GetType($"Generated.{name}")!)!;

    private static JsonElement Json(object generated) => JsonSerializer.SerializeToElement(generated, generated.GetType());

    private sealed class SigningHandler(string secret) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == PostCallPath)
            {
                var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
                request.Headers.Remove("ElevenLabs-Signature");
                request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", PostCallEvents.Signature(secret, DateTimeOffset.UtcNow, body));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
