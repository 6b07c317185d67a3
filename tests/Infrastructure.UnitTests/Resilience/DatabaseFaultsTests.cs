using CallTranscription.Infrastructure.Persistence.Resilience;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.UnitTests.Resilience;

public class DatabaseFaultsTests
{
    [TestCase(2601, TestName = "ShouldRerunAfterADuplicateKeyInAUniqueIndex")]
    [TestCase(2627, TestName = "ShouldRerunAfterAUniqueConstraintViolation")]
    [TestCase(1205, TestName = "ShouldRerunTheDeadlockVictim")]
    public void SqlServerConflicts(int number)
    {
        var exception = SqlExceptions.WithErrorNumber(number);

        Assert.That(exception.Number, Is.EqualTo(number));
        Assert.That(DatabaseFaults.IsConflict(exception), Is.True);
        Assert.That(DatabaseFaults.IsTransient(exception), Is.False, "one kind each, so one strategy retries it");
    }

    [TestCase(-2, TestName = "ShouldRetryAClientTimeout")]
    [TestCase(1222, TestName = "ShouldRetryALockRequestTimeout")]
    [TestCase(10054, TestName = "ShouldRetryAConnectionClosedByTheServer")]
    [TestCase(233, TestName = "ShouldRetryAConnectionBrokenDuringLogin")]
    [TestCase(40613, TestName = "ShouldRetryAzureSqlDatabaseUnavailable")]
    [TestCase(40501, TestName = "ShouldRetryAzureSqlServiceBusy")]
    [TestCase(40197, TestName = "ShouldRetryAzureSqlErrorProcessingTheRequest")]
    [TestCase(49918, TestName = "ShouldRetryAzureSqlNotEnoughResources")]
    public void SqlServerTransientFaults(int number)
    {
        var exception = SqlExceptions.WithErrorNumber(number);

        Assert.That(DatabaseFaults.IsTransient(exception), Is.True);
        Assert.That(DatabaseFaults.IsConflict(exception), Is.False);
    }

    [TestCase(547, TestName = "ShouldNotRetryAForeignKeyViolation")]
    [TestCase(8152, TestName = "ShouldNotRetryTruncatedData")]
    [TestCase(208, TestName = "ShouldNotRetryAMissingTable")]
    [TestCase(18456, TestName = "ShouldNotRetryAFailedLogin")]
    public void SqlServerPermanentFaults(int number)
    {
        var exception = SqlExceptions.WithErrorNumber(number);

        Assert.That(DatabaseFaults.IsTransient(exception), Is.False);
        Assert.That(DatabaseFaults.IsConflict(exception), Is.False);
    }

    [Test]
    public void ShouldFindTheSqlServerErrorInsideEfCoresUpdateException()
    {
        var wrapped = new DbUpdateException("An error occurred while saving the entity changes.", SqlExceptions.WithErrorNumber(2627));

        Assert.That(DatabaseFaults.IsConflict(wrapped), Is.True);
    }
}
