using Microsoft.AspNetCore.Http;

namespace Kiosk.Idempotency;

/// <summary>Where a key counts: the method and path, so per endpoint and, for paths with ids, per resource (e.g. per cart).</summary>
public static class IdempotencyScope
{
    /// <summary>E.g. <c>POST /api/carts/01a22efd-cd2a-755e-8527-b83981e542da/items</c>; ids in any letter case name one resource.</summary>
    public static string Of(HttpRequest request) =>
        $"{request.Method.ToUpperInvariant()} {request.Path.Value?.TrimEnd('/').ToLowerInvariant()}";
}
