using System.Collections.Concurrent;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>Keeps every log entry the service writes, with its structured fields, for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Clear() => _entries.Clear();

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        private static readonly AsyncLocal<ImmutableScopes?> _scopes = new();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var parent = _scopes.Value;
            _scopes.Value = new ImmutableScopes(state, parent);
            return new ScopeHandle(() => _scopes.Value = parent);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, object?>();
            for (var scope = _scopes.Value; scope is not null; scope = scope.Parent)
            {
                AddFields(fields, scope.State, overwrite: false);
            }

            AddFields(fields, state, overwrite: true);
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, fields));
        }

        private static void AddFields(Dictionary<string, object?> fields, object? state, bool overwrite)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    if (overwrite || !fields.ContainsKey(key))
                    {
                        fields[key] = value;
                    }
                }
            }
        }
    }

    private sealed record ImmutableScopes(object? State, ImmutableScopes? Parent);

    private sealed class ScopeHandle(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Fields);
