var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<CartDbContext>("cartdb");
builder.AddKafkaProducer("kafka");
builder.AddOutboxRelay<CartDbContext>();
builder.AddOutboxOperations<CartDbContext>();
// Every add and every checkout asks the menu itself: a sold-out switch is refused from the moment it is made.
builder.Services.AddHttpClient<MenuClient>(client => client.BaseAddress = new("http://menu"));
builder.Services.AddKioskOpenApi("Kiosk Cart API");
builder.AddIdempotencyKeys<CartDbContext>();
// Open carts idle for Kiosk:Cart:OpenCartIdle (2 h) expire and are pruned with checked-out carts past their retention.
builder.Services.Configure<CartExpiryOptions>(builder.Configuration.GetSection(CartExpiryOptions.Section));
builder.Services.AddSingleton<CartExpiry>();
builder.Services.AddHostedService<CartSweep>();

var app = builder.Build();

app.UseKioskProblemDetails();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("carts");
app.MapCartsApi();
app.MapOutboxStaffApi<CartDbContext>("carts");

return await app.RunOrMigrateAsync(args);
