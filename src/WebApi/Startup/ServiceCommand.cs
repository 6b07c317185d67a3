namespace CallTranscription.WebApi.Startup;

/// <summary>`dotnet run --project src/WebApi -- migrate` applies migrations and exits; anything else serves.</summary>
internal static class ServiceCommand
{
    public const string Migrate = "migrate";

    public static bool IsMigrate(string[] args) => args.Length > 0 && args[0] == Migrate;
}
