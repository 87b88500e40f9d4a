using Kiosk.Menu.Caching;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<MenuDbContext>("menudb", MenuSeed.SeedAsync);
// Sold out / back on sale is announced on MENU_AVAILABILITY_CHANGED, through the outbox like every other event.
builder.AddKafkaProducer("kafka");
builder.AddOutboxRelay<MenuDbContext>();
builder.AddOutboxOperations<MenuDbContext>();
builder.Services.AddKioskOpenApi("Kiosk Menu API");
builder.AddMenuCaching();
// Every stock switch is recorded with who made it, in the same commit.
builder.AddAuditTrail("menu");

var app = builder.Build();

app.UseKioskProblemDetails();
app.UseOutputCache();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("menu");
app.MapMenuEndpoints();
app.MapOutboxStaffApi<MenuDbContext>("menu");
app.MapAuditTrail<MenuDbContext>("menu");

return await app.RunOrMigrateAsync(args);
