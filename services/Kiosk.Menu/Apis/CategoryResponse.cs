namespace Kiosk.Menu.Apis;

public sealed record CategoryResponse(string Code, string Name, int SortOrder);
