namespace CallTranscription.Infrastructure.UnitTests.Persistence;

/// <summary>Files checked in beside the code, found from the test's output folder.</summary>
public static class RepositorySource
{
    public static string SqlServerSchemaScript => Path.Combine(AppContext.BaseDirectory, "sql", "sqlserver-schema.sql");

    public static string ReadNormalized(string path) => Normalize(File.ReadAllText(path));

    // `dotnet ef` writes a byte-order mark and the platform's line endings; neither is part of the script.
    public static string Normalize(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd();
}
