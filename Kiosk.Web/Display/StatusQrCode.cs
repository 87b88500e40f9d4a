using QRCoder;

namespace Kiosk.Web.Display;

/// <summary>The QR code on the confirmation screen: the order's status page, for the customer's phone.</summary>
public static class StatusQrCode
{
    /// <summary>The query that marks the page as opened on a phone: no countdown back to the start, no "new order".</summary>
    public const string PhoneQuery = "phone";

    public static string StatusPageUrl(HttpRequest request, Guid orderId) =>
        $"{request.Scheme}://{request.Host}/order/{orderId}?{PhoneQuery}=1";

    /// <summary>An SVG image (inline markup) of <paramref name="url"/>, black on white, with its quiet zone.</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4);
    }
}
