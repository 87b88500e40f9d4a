using Kiosk.Cart.Data;
using Kiosk.Data;
using Kiosk.Messaging;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxWiringTests
{
    private static HostApplicationBuilder Builder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cartdb"] = "Host=localhost;Database=cartdb",
            ["ConnectionStrings:kafka"] = "localhost:9092",
        });
        return builder;
    }

    private static bool WakesTheRelay(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CartDbContext>();
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        return interceptors.OfType<OutboxCommitInterceptor>().Any();
    }

    [Fact]
    public void A_context_with_an_outbox_relay_wakes_the_relay_after_commits()
    {
        var builder = Builder();
        builder.AddKioskDbContext<CartDbContext>("cartdb");
        builder.AddKafkaProducer("kafka");
        builder.AddOutboxRelay<CartDbContext>();

        using var services = builder.Services.BuildServiceProvider();

        Assert.True(WakesTheRelay(services));
    }

    [Fact]
    public void A_context_without_messaging_carries_no_outbox_interceptor()
    {
        var builder = Builder();
        builder.AddKioskDbContext<CartDbContext>("cartdb");

        using var services = builder.Services.BuildServiceProvider();

        Assert.False(WakesTheRelay(services));
    }
}
