namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Security headers on every answer of the web app: a Content-Security-Policy that allows only the app's own scripts,
/// styles, images and connections (no inline script or style, no framing), no MIME sniffing, no referrer leaving the
/// page, and no camera, microphone, location or payment APIs. The pages keep to it: scripts and styles are files under
/// wwwroot, there are no inline handlers or style attributes, and images are files
/// (the confirmation's QR code is inline SVG drawn with fill attributes, which style-src does not govern; data: images stay
/// allowed for it).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            // For browsers that predate frame-ancestors.
            headers.XFrameOptions = "DENY";
            return next(context);
        });
}
