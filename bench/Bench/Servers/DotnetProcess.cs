using System.Diagnostics;

namespace CallTranscription.Bench.Servers;

internal static class DotnetProcess
{
    /// <summary>
    /// `dotnet DLL ARGS` from the application's directory, as an operator runs it, so its appsettings.json applies;
    /// Production settings; its output appended straight to the log file, as under a service manager, so no process of
    /// the bench's reads it during the load.
    /// </summary>
    public static Process Start(string dll, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var argument in new[] { "-c", "exec dotnet \"$@\" >>\"$0\" 2>&1", logPath, dll }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {dll}");
    }
}
