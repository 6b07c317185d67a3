using System.Text.RegularExpressions;
using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Infrastructure.ElevenLabs;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Resilience;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Reconciliation;
using CallTranscription.WebApi.Webhooks;

namespace CallTranscription.WebApi.FunctionalTests.Docs;

/// <summary>What the docs show is what the repository holds.</summary>
public partial class DocumentationTests
{
    private static readonly string _root = RepositoryRoot();

    [TestCase("## 1. Write a handler", "FlagDisputedViolations.cs")]
    [TestCase("## A pipeline behaviour", "LogCommandDuration.cs")]
    public void ShouldShowTheExampleThatTheTestsCompileAndRun(string heading, string file)
    {
        var page = File.ReadAllText(Path.Combine(_root, "docs", "extending.md"));
        var section = page[page.IndexOf(heading, StringComparison.Ordinal)..];
        var snippet = CSharpBlock().Match(section).Groups["code"].Value;

        var compiled = File.ReadAllText(Path.Combine(_root, "tests", "WebApi.FunctionalTests", "Docs", file));
        Assert.That(Normalize(snippet), Is.EqualTo(Normalize(compiled)));
    }

    [TestCase(typeof(DatabaseOptions), DatabaseOptions.SectionName)]
    [TestCase(typeof(DatabaseRetryOptions), $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Retry)}")]
    [TestCase(typeof(ElevenLabsOptions), ElevenLabsOptions.SectionName)]
    [TestCase(typeof(RateLimitingOptions), RateLimitingOptions.SectionName)]
    [TestCase(typeof(ElevenLabsApiOptions), ElevenLabsApiOptions.SectionName)]
    [TestCase(typeof(ReconciliationOptions), ReconciliationOptions.SectionName)]
    public void ShouldListEverySettingInTheOperationsGuide(Type options, string section)
    {
        var guide = File.ReadAllText(Path.Combine(_root, "docs", "operations.md"));
        var settings = options.GetProperties()
            .Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string) || Nullable.GetUnderlyingType(p.PropertyType) is not null))
            .Select(p => $"`{section}:{p.Name}`");

        Assert.That(settings.Where(setting => !guide.Contains(setting, StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>A reader has the repository only: no tracker's issue numbers, no outside specification or paths.</summary>
    [Test]
    public void ShouldNameNothingTheRepositoryDoesNotHold()
    {
        var self = Path.Combine("Docs", nameof(DocumentationTests) + ".cs");
        var offending = RepositoryFiles()
            .Where(file => !file.EndsWith(self, StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => OutsideReference().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(_root, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.That(offending, Is.Empty);
    }

    private static IEnumerable<string> RepositoryFiles()
    {
        string[] extensions = [".md", ".cs", ".sh", ".props", ".csproj", ".json", ".lua", ".sql"];
        string[] skipped = ["bin", "obj", ".git", "results", ".publish", "artifacts", "TestResults"];
        var pending = new Stack<string>([_root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory).Where(d => !skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }

            foreach (var file in Directory.EnumerateFiles(directory).Where(f => extensions.Contains(Path.GetExtension(f)) || f.EndsWith(Path.Combine(".ci", "run"), StringComparison.Ordinal)))
            {
                yield return file;
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CallTranscription.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No CallTranscription.sln above the test's output folder.");
    }

    private static string Normalize(string code) => code.ReplaceLineEndings("\n").Trim();

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\bissues?\s*#?\d+|\bthe spec\b|\bspec's\b|shared/reference|/work/", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();
}
