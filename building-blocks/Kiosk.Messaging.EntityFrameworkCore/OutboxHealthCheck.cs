using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;

namespace Kiosk.Messaging.EntityFrameworkCore;

/// <summary>
/// Degraded while outbox rows are parked: the service works, but some events (and the later events of their orders)
/// are not leaving until staff retry them. Every replica reads the database, so each reports the same.
/// </summary>
internal sealed class OutboxHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var _ = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var parked = await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.ParkedAt != null, cancellationToken);
        return parked == 0
            ? HealthCheckResult.Healthy("No outbox rows parked.")
            : HealthCheckResult.Degraded($"{parked} outbox row{(parked == 1 ? " is" : "s are")} parked; see GET outbox/parked and retry them.",
                data: new Dictionary<string, object> { ["parked"] = parked });
    }
}
