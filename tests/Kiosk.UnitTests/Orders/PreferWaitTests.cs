using Kiosk.Orders.Apis;
using Microsoft.AspNetCore.Http;

namespace Kiosk.UnitTests.Orders;

public sealed class PreferWaitTests
{
    [Theory]
    [InlineData("wait=5", 5)]
    [InlineData("WAIT=5", 5)]
    [InlineData("wait=\"7\"", 7)]
    [InlineData("respond-async, wait=3", 3)]
    [InlineData("handling=lenient; foo=bar, wait = 2", 2)]
    [InlineData("wait=600", 10)]
    public void A_wait_preference_is_read_in_seconds_and_capped_at_the_longest_wait(string prefer, int seconds)
    {
        var headers = new HeaderDictionary { ["Prefer"] = prefer };

        Assert.Equal(TimeSpan.FromSeconds(seconds), PreferWait.From(headers));
    }

    [Theory]
    [InlineData("")]
    [InlineData("wait=0")]
    [InlineData("wait=-1")]
    [InlineData("wait=soon")]
    [InlineData("wait=1.5")]
    [InlineData("wait=99999999999")]
    [InlineData("respond-async")]
    [InlineData("waiting=5")]
    public void No_usable_wait_preference_means_no_wait(string prefer)
    {
        var headers = new HeaderDictionary { ["Prefer"] = prefer };

        Assert.Null(PreferWait.From(headers));
    }

    [Fact]
    public void A_wait_in_a_second_Prefer_header_counts()
    {
        var headers = new HeaderDictionary { ["Prefer"] = new(["return=minimal", "wait=4"]) };

        Assert.Equal(TimeSpan.FromSeconds(4), PreferWait.From(headers));
    }
}
