using Kiosk.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class IdempotencyHostingExtensions
{
    /// <summary>
    /// Prepares <see cref="IdempotentEndpoints.WithIdempotencyKey{TContext,TRequest}"/> on <typeparamref name="TContext"/>:
    /// the clock it stamps keys with, and the hourly prune of expired keys.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotencyKeys<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<IdempotencyKeyCleanup<TContext>>();
        return builder;
    }
}
