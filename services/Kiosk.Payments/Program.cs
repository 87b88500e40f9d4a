var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskDbContext<PaymentsDbContext>("paymentsdb");
builder.AddKafkaProducer("kafka");
builder.AddOutboxRelay<PaymentsDbContext>();
builder.AddOutboxOperations<PaymentsDbContext>();
builder.AddEventConsumer<PaymentsDbContext>("kafka", "payments", c => c
    .Handle<OrderCreated, OrderCreatedHandler>(Topics.OrderCreated)
    .Handle<OrderCancelled, OrderCancelledHandler>(Topics.OrderCancelled));
builder.Services.AddHttpClient<OrdersClient>(http => http.BaseAddress = new Uri("http://orders"));
builder.Services.AddTransient<StaffApiKeyClientHandler>();
// The cart behind an order is a staff lookup: it is not for the public.
builder.Services.AddHttpClient<CartsClient>(http => http.BaseAddress = new Uri("http://cart"))
    .AddHttpMessageHandler<StaffApiKeyClientHandler>();
var storeCalendar = StoreCalendar.FromTimeZoneId(builder.Configuration[StoreCalendar.TimeZoneKey]);
builder.Services.AddSingleton(storeCalendar);
builder.Services.AddSingleton(StoreDayEnd.From(storeCalendar, builder.Configuration[StoreDayEnd.ConfigurationKey]));
builder.Services.AddKioskOpenApi("Kiosk Payments API");
builder.AddIdempotencyKeys<PaymentsDbContext>();
builder.AddAuditTrail("payments");

var app = builder.Build();

app.UseKioskProblemDetails();
app.MapDefaultEndpoints();
app.MapKioskOpenApi("payments");
app.MapPaymentsApi();
app.MapPaymentQuoteApi();
app.MapOrderClosingApi();
app.MapSalesReportApi();
app.MapZReadingApi();
app.MapDeadLetterEndpoints<PaymentsDbContext>("payments");
app.MapOutboxStaffApi<PaymentsDbContext>("payments");
app.MapAuditTrail<PaymentsDbContext>("payments");

return await app.RunOrMigrateAsync(args);
