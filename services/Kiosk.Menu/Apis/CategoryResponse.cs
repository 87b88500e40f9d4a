namespace Kiosk.Menu.Apis;

[OpenApiExample("""
    { "code": "CHICKENJOY", "name": "Chickenjoy", "sortOrder": 1 }
    """)]
public sealed record CategoryResponse(string Code, string Name, int SortOrder);
