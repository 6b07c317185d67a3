namespace CallTranscription.Bench;

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ServiceDll => Path.Combine(RepositoryRoot, "bench", ".publish", "service", "CallTranscription.WebApi.dll");

    public static string BenchDll => typeof(Paths).Assembly.Location;

    public static string WrkScript => Path.Combine(RepositoryRoot, "bench", "wrk", "turns.lua");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallTranscription.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the bench from inside the repository");
    }
}
