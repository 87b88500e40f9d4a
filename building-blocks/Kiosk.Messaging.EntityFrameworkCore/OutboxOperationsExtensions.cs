using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Messaging.EntityFrameworkCore;

public static class OutboxOperationsExtensions
{
    /// <summary>
    /// Binds the relay's settings (<c>Outbox:MaxAttempts</c>) and adds the <c>outbox</c> health check, Degraded while
    /// rows of <typeparamref name="TContext"/> are parked. Pair with <see cref="OutboxStaffApi.MapOutboxStaffApi{TContext}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxOperations<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<OutboxRelayOptions>()
            .BindConfiguration(OutboxRelayOptions.SectionName)
            .Validate(o => o.MaxAttempts >= 1, $"{OutboxRelayOptions.SectionName}:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TContext>>("outbox", tags: ["ready"]);
        return builder;
    }
}
