namespace Kiosk.Menu.Apis;

/// <summary>Nullable so a body without <c>available</c> is refused instead of read as <c>false</c> (sold out).</summary>
[OpenApiExample("""
    { "available": false }
    """)]
public sealed record AvailabilityRequest(bool? Available)
{
    public static ValidationProblem Missing() =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["available"] = ["Required: true (on sale) or false (sold out)."] },
            detail: """Send a JSON body such as {"available": false}.""");
}
