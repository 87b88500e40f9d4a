using System.Collections.Concurrent;
using Kiosk.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// The writes of one <see cref="ISqlIntegrationEventHandler{TEvent}"/>, sent with the inbox row as one batch: PostgreSQL
/// runs a batch without an explicit transaction as one implicit transaction, so a failing command rolls back all of
/// them. Table and column names come from the context's model, as the EF Core mapping states them.
/// </summary>
public sealed class SqlEventBatch(DbContext db)
{
    // INSERT statements by context, entity and columns: built once, not per message.
    private static readonly ConcurrentDictionary<(Type Context, Type Entity, string Columns), string> Inserts = new();

    private readonly List<NpgsqlBatchCommand> _commands = [];

    internal bool HasOutboxRows { get; private set; }

    internal IReadOnlyList<NpgsqlBatchCommand> Commands => _commands;

    /// <summary>Adds a command whose positional parameters <c>$1</c>, <c>$2</c>, … take <paramref name="values"/>.</summary>
    public void Add(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        _commands.Add(command);
    }

    /// <summary>
    /// Adds <c>INSERT INTO</c> the table of <typeparamref name="TEntity"/> with the columns of <paramref name="values"/>'
    /// properties (shadow properties included), then <paramref name="suffix"/> (e.g. an <c>ON CONFLICT</c> clause).
    /// </summary>
    public void Insert<TEntity>(IReadOnlyList<(string Property, object? Value)> values, string suffix = "")
    {
        var columns = string.Join(',', values.Select(v => v.Property));
        var sql = Inserts.GetOrAdd((db.GetType(), typeof(TEntity), columns), _ => InsertSql<TEntity>(values));
        Add(suffix.Length == 0 ? sql : $"{sql} {suffix}", [.. values.Select(v => v.Value)]);
    }

    /// <summary>The delimited table name of <typeparamref name="TEntity"/>, for hand-written SQL.</summary>
    public string Table<TEntity>()
    {
        var entity = Entity<TEntity>();
        return Sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>The delimited column name of a property of <typeparamref name="TEntity"/>, for hand-written SQL.</summary>
    public string Column<TEntity>(string property) => Sql.DelimitIdentifier(Property<TEntity>(property).GetColumnName());

    /// <summary>Queues <paramref name="event"/> for publishing, committed with the batch (as <see cref="MessagingModelExtensions.AddIntegrationEvent"/>).</summary>
    public void AddIntegrationEvent<TEvent>(string topic, string key, TEvent @event) where TEvent : IIntegrationEvent
    {
        var message = OutboxMessage.Create(topic, key, @event);
        Insert<OutboxMessage>(
        [
            (nameof(OutboxMessage.EventId), message.EventId),
            (nameof(OutboxMessage.Topic), message.Topic),
            (nameof(OutboxMessage.Key), message.Key),
            (nameof(OutboxMessage.EventType), message.EventType),
            (nameof(OutboxMessage.Payload), message.Payload),
            (nameof(OutboxMessage.TraceContext), message.TraceContext),
            (nameof(OutboxMessage.CreatedAt), message.CreatedAt),
            (nameof(OutboxMessage.Attempts), message.Attempts),
            (nameof(OutboxMessage.NextAttemptAt), message.NextAttemptAt),
        ]);
        HasOutboxRows = true;
    }

    /// <summary>Runs every command in one round trip, on the context's connection; all of them or none are kept.</summary>
    internal async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var command in _commands)
            {
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private ISqlGenerationHelper Sql => db.GetService<ISqlGenerationHelper>();

    private string InsertSql<TEntity>(IReadOnlyList<(string Property, object? Value)> values)
    {
        // A jsonb column is given its text and cast: Npgsql sends a string as text.
        var parameters = values.Select((v, i) => Property<TEntity>(v.Property).GetColumnType() == "jsonb" ? $"${i + 1}::jsonb" : $"${i + 1}");
        return $"INSERT INTO {Table<TEntity>()} ({string.Join(", ", values.Select(v => Column<TEntity>(v.Property)))}) "
            + $"VALUES ({string.Join(", ", parameters)})";
    }

    private IEntityType Entity<TEntity>() =>
        db.Model.FindEntityType(typeof(TEntity))
        ?? throw new InvalidOperationException($"{db.GetType().Name} does not map {typeof(TEntity).Name}.");

    private IProperty Property<TEntity>(string property) =>
        Entity<TEntity>().FindProperty(property)
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no mapped property {property}.");
}
