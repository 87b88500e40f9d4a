var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<OrdersDbContext>("ordersdb");
builder.AddKafkaProducer("kafka");
builder.AddOutboxRelay<OrdersDbContext>();
builder.AddOutboxOperations<OrdersDbContext>();
builder.AddEventConsumer<OrdersDbContext>("kafka", "orders", c => c
    .HandleWithSql<CartCheckout, CartCheckoutHandler>(Topics.CartCheckout)
    .Handle<PaymentConfirmed, PaymentConfirmedHandler>(Topics.PaymentConfirmed));
var storeCalendar = StoreCalendar.FromTimeZoneId(builder.Configuration[StoreCalendar.TimeZoneKey]);
builder.Services.AddSingleton(storeCalendar);
builder.Services.AddSingleton(StoreDayEnd.From(storeCalendar, builder.Configuration[StoreDayEnd.ConfigurationKey]));
builder.Services.AddHttpClient<PaymentsClient>(http => http.BaseAddress = new Uri("http://payments"));
// One LISTEN connection per replica wakes the GETs that prefer to wait for an order's change.
builder.Services.AddSingleton(sp => new OrderChanges(
    builder.Configuration.GetConnectionString("ordersdb") ?? throw new InvalidOperationException("ConnectionStrings:ordersdb is not set."),
    sp.GetRequiredService<ILogger<OrderChanges>>()));
builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderChanges>());
builder.Services.AddSingleton<OrderExpirySweep>();
builder.Services.AddHostedService<OrderExpiryService>();
builder.Services.AddKioskOpenApi("Kiosk Orders API");
builder.AddAuditTrail("orders");

var app = builder.Build();

app.UseKioskProblemDetails();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("orders");
app.MapOrdersApi();
app.MapOrderCancellationApi();
app.MapDeadLetterEndpoints<OrdersDbContext>("orders");
app.MapOutboxStaffApi<OrdersDbContext>("orders");
app.MapAuditTrail<OrdersDbContext>("orders");

return await app.RunOrMigrateAsync(args);
