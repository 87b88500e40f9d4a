using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Kiosk.Contracts;
using Kiosk.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kiosk.IntegrationTests.Counter;

/// <summary>Payments consumes ORDER_CREATED: it opens the order for payment once, whoever recorded it first.</summary>
[Collection(KioskCollection.Name)]
public sealed class OrderCreatedConsumerTests(KioskAppFixture fixture)
{
    private const string PaymentsGroup = "payments";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly KafkaProbe _probe = new(fixture);

    [Fact]
    public async Task An_order_a_payment_is_recording_at_that_moment_is_handled_at_the_first_attempt_and_kept_as_recorded()
    {
        // What a kiosk paying the moment its order shows does: the payment's own insert of the order is not committed yet
        // when ORDER_CREATED arrives. The event must wait for it and change nothing, not fail and wait out a retry.
        var orderId = Guid.CreateVersion7();
        var logs = new ConcurrentQueue<string>();
        using var stopWatching = new CancellationTokenSource();
        var watching = WatchPaymentsLogAsync(logs, stopWatching.Token);

        await using var payment = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("paymentsdb"));
        await payment.OpenAsync();
        await using (var transaction = await payment.BeginTransactionAsync())
        {
            await using (var insert = new NpgsqlCommand(
                """INSERT INTO payable_orders ("OrderId", "OrderNumber", "Total", "CreatedAt") VALUES (@id, 4242, 151.00, now())""",
                payment, transaction))
            {
                insert.Parameters.AddWithValue("id", orderId);
                await insert.ExecuteNonQueryAsync();
            }

            var created = new OrderCreated(Guid.CreateVersion7(), orderId, 4343, "CREATED", 999.00m, "DINE_IN", Guid.CreateVersion7(),
                DateTimeOffset.UtcNow);
            var delivered = await _probe.ProduceAsync(Topics.OrderCreated, orderId.ToString(), EventSerializer.Serialize(created));
            await WaitForLockWaiterAsync(payment);
            await transaction.CommitAsync();

            await _probe.WaitUntilConsumedAsync(PaymentsGroup, delivered);
            // The same event again: the inbox logs that it skips it, which marks where the first delivery's lines end.
            await _probe.WaitUntilConsumedAsync(PaymentsGroup,
                await _probe.ProduceAsync(Topics.OrderCreated, orderId.ToString(), EventSerializer.Serialize(created)));
            await WaitForLineAsync(logs, $"Skipping {Topics.OrderCreated} event {created.EventId}");

            var failures = logs.Where(l => l.Contains($"{delivered.Topic}[{delivered.Partition.Value}]@{delivered.Offset.Value} failed",
                StringComparison.Ordinal)).ToList();
            Assert.True(failures.Count == 0, $"ORDER_CREATED failed before it was handled: {string.Join(" | ", failures)}");
        }
        await stopWatching.CancelAsync();
        await watching;

        await using var read = new NpgsqlCommand(
            """SELECT concat_ws('|', count(*), min("OrderNumber"), min("Total")) FROM payable_orders WHERE "OrderId" = @id""", payment);
        read.Parameters.AddWithValue("id", orderId);
        Assert.Equal("1|4242|151.00", (string?)await read.ExecuteScalarAsync());
    }

    /// <summary>Until a payments database session waits on a lock: the handler's insert, blocked by the open one.</summary>
    private static async Task WaitForLockWaiterAsync(NpgsqlConnection connection)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        while ((long)(await waiting.ExecuteScalarAsync(timeout.Token))! == 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task WatchPaymentsLogAsync(ConcurrentQueue<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            // Logs are kept per process: the one payments process's generated name, not the resource's.
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("payments", out var payments) && payments is not null,
                "The AppHost reports no state for payments.");
            await foreach (var batch in fixture.App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(payments.ResourceId)
                .WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    lines.Enqueue(line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task WaitForLineAsync(ConcurrentQueue<string> lines, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Payments did not log \"{text}\" within {Patience.TotalSeconds} s; its last lines: {string.Join(" | ", lines.TakeLast(20))}");
            await Task.Delay(50);
        }
    }
}
