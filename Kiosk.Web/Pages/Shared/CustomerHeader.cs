namespace Kiosk.Web.Pages.Shared;

public sealed record CustomerHeader(string DiningOption);
