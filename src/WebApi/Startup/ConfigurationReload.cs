namespace CallTranscription.WebApi.Startup;

/// <summary>
/// The configuration files are read once, at start, unless the operator asks for more. Reloading them on change
/// watches the content root and everything under it, where the SQLite database usually lives: every write to it woke
/// the watcher, 15–38 % more CPU per turn (docs/performance.md). An operator who edits appsettings.json on a running
/// service turns reloading back on with <c>--hostBuilder:reloadConfigOnChange=true</c> or
/// <c>DOTNET_hostBuilder__reloadConfigOnChange=true</c>.
/// </summary>
internal static class ConfigurationReload
{
    public const string Key = "hostBuilder:reloadConfigOnChange";

    /// <summary>The host's arguments, with reloading off unless the host's own settings already say.</summary>
    public static string[] OffUnlessAsked(string[] args, IConfiguration? hostSettings = null)
    {
        // The sources the host reads its own settings from, in its order: any of them may name the key.
        hostSettings ??= new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("DOTNET_")
            .AddCommandLine(args)
            .Build();
        return hostSettings[Key] is null ? [$"--{Key}=false", .. args] : args;
    }
}
