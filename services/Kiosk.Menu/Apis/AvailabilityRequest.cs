namespace Kiosk.Menu.Apis;

/// <summary>Nullable so a body without <c>available</c> is refused instead of read as <c>false</c> (sold out).</summary>
[OpenApiExample("""
    { "available": false }
    """)]
public sealed record AvailabilityRequest(bool? Available);
