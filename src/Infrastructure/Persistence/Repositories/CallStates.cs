using System.Linq.Expressions;
using CallTranscription.Application.Common.Models;
using CallTranscription.Domain.Calls;

namespace CallTranscription.Infrastructure.Persistence.Repositories;

internal static class CallStates
{
    /// <summary>What each provider's row lock reads of a call for <see cref="CallState"/>: a field added there is added here.</summary>
    public static readonly Expression<Func<Call, CallState>> FromCall = call => new CallState(call.Status, call.DriverId);
}
