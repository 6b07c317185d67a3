namespace CallTranscription.WebApi.Startup;

/// <summary>
/// The configuration files are read once, at start, unless the operator asks for more. Reloading them on change
/// watches the content root and everything under it, where the SQLite database usually lives: every write to it woke
/// the watcher: 13–28 % more CPU per turn (docs/performance.md). An operator who edits appsettings.json on a running
/// service turns reloading back on with <c>--hostBuilder:reloadConfigOnChange=true</c> or
/// <c>DOTNET_hostBuilder__reloadConfigOnChange=true</c>.
/// </summary>
internal static class ConfigurationReload
{
    public const string Key = "hostBuilder:reloadConfigOnChange";
    public const string EnvironmentVariable = "DOTNET_hostBuilder__reloadConfigOnChange";

    /// <summary>The host's arguments, with reloading off unless the command line or the environment already says.</summary>
    public static string[] OffUnlessAsked(string[] args) =>
        OffUnlessAsked(args, Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static string[] OffUnlessAsked(string[] args, string? environmentValue) =>
        environmentValue is not null || args.Any(arg => arg.Contains(Key, StringComparison.OrdinalIgnoreCase))
            ? args
            : [$"--{Key}=false", .. args];
}
