using FluentValidation.Results;

namespace CallTranscription.Application.Common.Exceptions;

public sealed class ValidationException : Exception
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("The transcription is invalid.")
    {
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    /// <summary>Error messages by offending field (snake_case, as in the request).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
