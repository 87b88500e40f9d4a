using Kiosk.Web;
using Kiosk.Web.Display;
using Microsoft.Extensions.Configuration;

namespace Kiosk.UnitTests.Web;

public sealed class OrderReferenceTests
{
    [Fact]
    public void The_reference_is_the_first_eight_characters_of_the_order_id()
    {
        var orderId = Guid.Parse("3f2b9c41-7d0e-4a8b-9c1d-5e6f7a8b9c0d");

        Assert.Equal("3f2b9c41", OrderReference.ShortForm(orderId));
    }

    [Fact]
    public void Two_orders_have_different_references()
    {
        var first = OrderReference.ShortForm(Guid.Parse("00000001-0000-0000-0000-00000000000a"));
        var second = OrderReference.ShortForm(Guid.Parse("00000002-0000-0000-0000-00000000000a"));

        Assert.NotEqual(first, second);
        Assert.Equal(8, first.Length);
    }

    [Fact]
    public void The_confirmation_screen_waits_a_minute_for_the_order_unless_configured_otherwise()
    {
        Assert.Equal(60, Bind([]).OrderVisibleSeconds);
        Assert.Equal(5, Bind(new() { ["Kiosk:Web:OrderVisibleSeconds"] = "5" }).OrderVisibleSeconds);
    }

    private static KioskWebOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(KioskWebOptions.Section).Get<KioskWebOptions>() ?? new KioskWebOptions();
}
