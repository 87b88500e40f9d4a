using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The relay's read of the rows it may publish, as plain SQL: EF Core sends each query on its own, and this one travels
/// in the same round trip as taking the lease (see <see cref="OutboxRelayLease"/>). Table and column names come from the
/// context's model, so the SQL follows the mapping in <see cref="MessagingModelExtensions.AddOutbox"/>.
/// </summary>
internal static class OutboxQuery
{
    // The order of the columns in the SELECT; ReadRow reads them by position.
    private static readonly string[] Columns =
    [
        nameof(OutboxMessage.Id), nameof(OutboxMessage.EventId), nameof(OutboxMessage.Topic), nameof(OutboxMessage.Key),
        nameof(OutboxMessage.EventType), nameof(OutboxMessage.Payload), nameof(OutboxMessage.TraceContext),
        nameof(OutboxMessage.CreatedAt), nameof(OutboxMessage.SentAt), nameof(OutboxMessage.Attempts),
        nameof(OutboxMessage.NextAttemptAt), nameof(OutboxMessage.LastError), nameof(OutboxMessage.ParkedAt),
    ];

    /// <summary>
    /// Unsent rows in write order, at most <paramref name="limit"/>, leaving out every key that has a parked row (its
    /// later rows wait behind it until staff retry it).
    /// </summary>
    public static string NextRows(DbContext db, int limit)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no outbox: call AddOutbox in OnModelCreating.");
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) =>
            sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());

        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var (key, sentAt, parkedAt) = (Column(nameof(OutboxMessage.Key)), Column(nameof(OutboxMessage.SentAt)), Column(nameof(OutboxMessage.ParkedAt)));
        return $"""
            SELECT {string.Join(", ", Columns.Select(c => "m." + Column(c)))}
            FROM {table} AS m
            WHERE m.{sentAt} IS NULL AND m.{parkedAt} IS NULL
              AND NOT EXISTS (SELECT 1 FROM {table} AS p WHERE p.{key} = m.{key} AND p.{sentAt} IS NULL AND p.{parkedAt} IS NOT NULL)
            ORDER BY m.{Column(nameof(OutboxMessage.Id))}
            LIMIT {limit}
            """;
    }

    public static OutboxMessage ReadRow(DbDataReader reader) => OutboxMessage.Restore(
        id: reader.GetInt64(0),
        eventId: reader.GetGuid(1),
        topic: reader.GetString(2),
        key: reader.GetString(3),
        eventType: reader.GetString(4),
        payload: reader.GetString(5),
        traceContext: reader.IsDBNull(6) ? null : reader.GetString(6),
        createdAt: reader.GetFieldValue<DateTimeOffset>(7),
        sentAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        attempts: reader.GetInt32(9),
        nextAttemptAt: reader.GetFieldValue<DateTimeOffset>(10),
        lastError: reader.IsDBNull(11) ? null : reader.GetString(11),
        parkedAt: reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12));
}
