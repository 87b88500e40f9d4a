var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<MenuDbContext>("menudb", MenuSeed.SeedAsync);
builder.Services.AddKioskOpenApi("Kiosk Menu API");

var app = builder.Build();

app.UseKioskProblemDetails();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("menu");
app.MapMenuEndpoints();

app.Run();
