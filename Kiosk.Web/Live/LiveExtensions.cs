using Kiosk.Messaging;
using Kiosk.Web.Live;

namespace Microsoft.Extensions.Hosting;

public static class LiveExtensions
{
    /// <summary>
    /// Follows ORDER_STATUS_CHANGED and MENU_AVAILABILITY_CHANGED (every replica sees every event) and feeds the live
    /// streams that <see cref="LiveStreams.MapLiveStreams"/> maps.
    /// </summary>
    public static WebApplicationBuilder AddKioskLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<IBroadcastHandler>(sp => sp.GetRequiredService<LiveFeed>());
        builder.Services.AddScoped<LiveSnapshots>();
        builder.Services.AddHostedService<LiveHealthMonitor>();
        builder.AddKafkaBroadcastConsumer("kafka", [Topics.OrderStatusChanged, Topics.MenuAvailabilityChanged]);
        return builder;
    }
}
