using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

/// <summary>SQL Server: an application lock owned by the transaction.</summary>
internal sealed class SqlServerClaims(IServiceScopeFactory scopes) : TransactionLockClaims(scopes)
{
    protected override async Task<bool> TryLockAsync(DatabaseFacade database, string resource, CancellationToken cancellationToken)
    {
        // sp_getapplock answers 0 or 1 when granted, a negative number when the lock is held (timeout 0: no wait).
        var result = await database
            .SqlQueryRaw<int>(
                "DECLARE @result int; EXEC @result = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', "
                + "@LockOwner = 'Transaction', @LockTimeout = 0; SELECT @result AS [Value];",
                resource)
            .ToListAsync(cancellationToken);
        return result[0] >= 0;
    }
}
