var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<CartDbContext>("cartdb");
builder.AddKafkaProducer("kafka");
builder.AddOutboxRelay<CartDbContext>();
builder.AddOutboxOperations<CartDbContext>();
builder.Services.AddHybridCache();
builder.Services.AddTransient<MenuAnswerCache>();
builder.Services.AddHttpClient<MenuClient>(client => client.BaseAddress = new("http://menu"))
    .AddHttpMessageHandler<MenuAnswerCache>();
builder.Services.AddKioskOpenApi("Kiosk Cart API");
builder.AddIdempotencyKeys<CartDbContext>();

var app = builder.Build();

app.UseKioskProblemDetails();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("carts");
app.MapCartsApi();
app.MapOutboxStaffApi<CartDbContext>("carts");

app.Run();
