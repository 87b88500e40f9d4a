using Kiosk.Menu.Caching;

namespace Kiosk.Menu.Apis;

public static class MenuApi
{
    /// <summary>Maps every menu endpoint under <c>/api/menu</c>.</summary>
    public static IEndpointRouteBuilder MapMenuEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCategoriesApi().WithMenuCaching();
        app.MapItemsApi().WithMenuCaching();
        app.MapChoicesApi().WithMenuCaching();
        return app;
    }
}
