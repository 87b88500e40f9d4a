using Kiosk.Menu.Caching;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<MenuDbContext>("menudb", MenuSeed.SeedAsync);
builder.Services.AddKioskOpenApi("Kiosk Menu API");
builder.AddMenuCaching();

var app = builder.Build();

app.UseKioskProblemDetails();
app.UseOutputCache();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("menu");
app.MapMenuEndpoints();

app.Run();
