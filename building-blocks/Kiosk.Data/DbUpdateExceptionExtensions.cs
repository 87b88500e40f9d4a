using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kiosk.Data;

/// <summary>What a failed SaveChanges means, in one place for every service.</summary>
public static class DbUpdateExceptionExtensions
{
    /// <summary>
    /// Another writer got there first: a row changed under its concurrency token, or a unique key was taken meanwhile.
    /// Retrying with fresh data sees the other writer's work.
    /// </summary>
    public static bool IsWriteConflict(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.IsUniqueViolation();

    /// <summary>The write broke a unique constraint: <paramref name="constraintName"/>, or any when null.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string? constraintName = null) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation
        && (constraintName is null || violation.ConstraintName == constraintName);
}
