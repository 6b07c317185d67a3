using System.Text.Json;

namespace CallTranscription.Bench.Servers;

/// <summary>
/// The runtime settings the service is published with (its runtimeconfig.json: server GC, tiered PGO...), as the
/// environment variables that set them, so that a reference runs on the same runtime configuration as the service.
/// </summary>
internal static class RuntimeSettings
{
    private static readonly Dictionary<string, string> _variables = new()
    {
        ["System.GC.Server"] = "DOTNET_gcServer",
        ["System.GC.Concurrent"] = "DOTNET_gcConcurrent",
        ["System.Runtime.TieredCompilation"] = "DOTNET_TieredCompilation",
        ["System.Runtime.TieredCompilation.QuickJit"] = "DOTNET_TC_QuickJit",
        ["System.Runtime.TieredCompilation.QuickJitForLoops"] = "DOTNET_TC_QuickJitForLoops",
        ["System.Runtime.TieredPGO"] = "DOTNET_TieredPGO",
    };

    public static IReadOnlyDictionary<string, string> OfService()
    {
        var runtimeConfig = Path.ChangeExtension(Paths.ServiceDll, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var environment = new Dictionary<string, string>();
        if (json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (_variables.TryGetValue(property.Name, out var variable) && property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    environment[variable] = property.Value.GetBoolean() ? "1" : "0";
                }
            }
        }

        return environment;
    }
}
