using MediatR;
using Microsoft.Extensions.Logging;

namespace Acme.Compliance;

public sealed class LogCommandDuration<TRequest, TResponse>(TimeProvider time, ILogger<LogCommandDuration<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = time.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            logger.LogInformation("{Command} took {ElapsedMs} ms", typeof(TRequest).Name, time.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
