using Kiosk.Web.Display;
using Microsoft.AspNetCore.Builder;

namespace Kiosk.UnitTests.Security;

/// <summary>What the web app's Content-Security-Policy allows, and that the markup it writes itself keeps to it.</summary>
public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void The_policy_allows_no_inline_script_or_style_and_no_framing()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy;

        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_confirmation_QR_code_is_drawn_without_style_attributes_or_scripts()
    {
        var svg = StatusQrCode.Svg("http://kiosk.local/order/0193a1e2-7c5e-7b7d-9a51-0c2f4b8e9d10?phone=1");

        Assert.StartsWith("<svg", svg.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", svg, StringComparison.OrdinalIgnoreCase);
    }
}
