using System.Collections.Concurrent;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Keeps every log entry the service writes, with its structured fields and those of its scopes (the trace id among
/// them), for assertions.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Clear() => _entries.Clear();

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Outermost scope first, so an inner scope and then the entry itself win over what encloses them.
            var fields = new Dictionary<string, object?>();
            logs._scopes.ForEachScope(static (scope, fields) => AddFields(fields, scope), fields);
            AddFields(fields, state);
            logs._entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, fields));
        }

        private static void AddFields(Dictionary<string, object?> fields, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    fields[key] = value;
                }
            }
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Fields);
