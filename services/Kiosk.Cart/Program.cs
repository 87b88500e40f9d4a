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

var app = builder.Build();

app.UseKioskProblemDetails();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("carts");
app.MapCartsApi();
app.MapOutboxStaffApi<CartDbContext>("carts");

app.Run();
