using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Kiosk.AppHost;
using Kiosk.AppHost.Kafka;
using Kiosk.AppHost.Postgres;

var builder = DistributedApplication.CreateBuilder(args);

// A resource that fails (e.g. a container with no container runtime) must fail its dependants, not hang them.
builder.Services.Configure<ResourceNotificationServiceOptions>(options =>
    options.DefaultWaitBehavior = WaitBehavior.StopOnResourceUnavailable);

if (builder.ExecutionContext.IsRunMode)
{
    StoreSecrets.RequireRealValues(builder.Configuration, builder.Environment);
}

var staffApiKey = builder.AddParameter("staff-api-key", secret: true);
// The store's day (order numbers restart, the board resets) in one place for every app that needs it: appsettings.json.
var storeTimeZone = builder.Configuration["Kiosk:TimeZone"];

// Infrastructure: container, embedded/local or external, chosen by Kiosk:{Kafka,Postgres}:Mode. A published deployment
// (the manifest in deploy/) brings its own: each database and the Kafka cluster are connection strings given at deploy time.
var publishing = builder.ExecutionContext.IsPublishMode;
var postgres = publishing ? null : builder.AddKioskPostgres("postgres");
var menuDb = Database("menudb");
var cartDb = Database("cartdb");
var ordersDb = Database("ordersdb");
var paymentsDb = Database("paymentsdb");
// The web app's own: crew accounts, its audit trail and the Data Protection keys behind crew cookies.
var webDb = Database("webdb");
var kafka = publishing ? builder.AddConnectionString("kafka") : builder.AddKioskKafka("kafka");

var menu = builder.AddProject<Projects.Kiosk_Menu>("menu")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(menuDb).WaitFor(menuDb)
    .WithKafka(kafka)
    .WithEnvironment("Kiosk__StaffApiKey", staffApiKey);

var cart = builder.AddProject<Projects.Kiosk_Cart>("cart")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(cartDb).WaitFor(cartDb)
    .WithKafka(kafka)
    .WithReference(menu)
    // For the staff outbox endpoints.
    .WithEnvironment("Kiosk__StaffApiKey", staffApiKey);

var orders = builder.AddProject<Projects.Kiosk_Orders>("orders")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(ordersDb).WaitFor(ordersDb)
    .WithKafka(kafka)
    .WithEnvironment("Kiosk__StaffApiKey", staffApiKey)
    .WithEnvironment("Kiosk__TimeZone", storeTimeZone)
    .WithEnvironment("Kiosk__DayEnd", builder.Configuration["Kiosk:DayEnd"]);

var payments = builder.AddProject<Projects.Kiosk_Payments>("payments")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(paymentsDb).WaitFor(paymentsDb)
    .WithKafka(kafka)
    .WithReference(orders).WithReference(cart)
    .WithEnvironment("Kiosk__StaffApiKey", staffApiKey)
    .WithEnvironment("Kiosk__TimeZone", storeTimeZone)
    .WithEnvironment("Kiosk__DayEnd", builder.Configuration["Kiosk:DayEnd"]);

// Orders asks payments to refuse an order's cash before cancelling or expiring it.
orders.WithReference(payments);

var web = builder.AddProject<Projects.Kiosk_Web>("web")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(webDb).WaitFor(webDb)
    .WithReference(menu).WithReference(cart).WithReference(orders).WithReference(payments)
    // The live screens follow ORDER_STATUS_CHANGED and MENU_AVAILABILITY_CHANGED.
    .WithKafka(kafka)
    .WithEnvironment("Kiosk__StaffApiKey", staffApiKey)
    .WithEnvironment("Kiosk__TimeZone", storeTimeZone)
    .WithEnvironment("Kiosk__Web__IdleSeconds", builder.Configuration["Kiosk:Web:IdleSeconds"] ?? "90")
    .WithEnvironment("Kiosk__Web__ConfirmationSeconds", builder.Configuration["Kiosk:Web:ConfirmationSeconds"] ?? "60")
    .WithEnvironment("Kiosk__Web__OrderVisibleSeconds", builder.Configuration["Kiosk:Web:OrderVisibleSeconds"] ?? "60")
    .WithEnvironment("Kiosk__Web__LiveStreamSeconds", builder.Configuration["Kiosk:Web:LiveStreamSeconds"] ?? "600");

// Development only: Kiosk:Crew:DevManagerPin (appsettings.Development.json) seeds a manager, Kiosk:Crew:DevCrew:<n>:{Name,Roles,Pin}
// more crew members. Outside Development the first manager comes from the setup code in the web app's log (StoreSecrets
// refuses these settings there).
if (!publishing && builder.Environment.IsDevelopment())
{
    foreach (var setting in builder.Configuration.GetSection("Kiosk:Crew").AsEnumerable(makePathsRelative: true))
    {
        if (setting.Value is not null)
        {
            web.WithEnvironment($"Kiosk__Crew__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
        }
    }
}
foreach (var setting in new[] { "AccountSignInAttempts", "AccountLockoutSeconds", "CrewIdleTimeout", "ShiftLength" })
{
    if (builder.Configuration[$"Kiosk:Web:{setting}"] is { } value)
    {
        web.WithEnvironment($"Kiosk__Web__{setting}", value);
    }
}

// Everything is reached through the gateway, which connects from its own loopback address (Kiosk:Gateway:OutgoingAddress):
// the apps take the client's address and scheme from X-Forwarded-* only from that address, never from whoever else
// reaches their ports. An app run as one copy binds its own port (no orchestrator proxy between), so it sees the gateway's
// address itself; the web app run as several replicas is behind the orchestrator's proxy, and then trusts loopback (fine
// on a dev machine, not for a store).
var gatewayOutgoingAddress = builder.Configuration["Kiosk:Gateway:OutgoingAddress"] ?? "127.0.0.9";
// Published, the gateway connects from wherever the platform puts it: the apps trust the network given at deploy time.
var trustedProxies = publishing ? builder.AddParameter("trusted-proxies") : null;
if (builder.Configuration.GetValue("Kiosk:Replicas:web", 1) > 1)
{
    web.WithEnvironment("Kiosk__TrustedProxies__1", "127.0.0.1");
}
foreach (var app in new IResourceBuilder<ProjectResource>[] { menu, cart, orders, payments, web })
{
    if (trustedProxies is null)
    {
        app.WithEnvironment("Kiosk__TrustedProxies__0", gatewayOutgoingAddress)
            // The apps run in the AppHost's environment, so Development brings the API references at /api/{service}/docs.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
    }
    else
    {
        // Published apps run as Production (ASP.NET Core's default), whatever environment generated the manifest.
        app.WithEnvironment("Kiosk__TrustedProxies__0", trustedProxies);
    }
    // Kiosk:Replicas:<resource> (e.g. --Kiosk:Replicas:orders=2) runs several copies behind one address.
    app.WithConfiguredReplicas(builder.Configuration);
}

// The kiosk's bookmarked address: a fixed port (Kiosk:Gateway:Port, default 8080; 0 lets tests take a free one).
var gatewayPort = builder.Configuration.GetValue("Kiosk:Gateway:Port", 8080);
var gateway = builder.AddProject<Projects.Kiosk_Gateway>("gateway")
    .WithHttpEndpoint(port: gatewayPort == 0 ? null : gatewayPort)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithExternalHttpEndpoints()
    // No WaitFor on the apps: the gateway starts with them, not after them (3–6 s sooner to a healthy store), and a
    // request for an app still starting gets the same problem answer (ProxyErrors) as one for an app that is down.
    .WithReference(menu).WithReference(cart).WithReference(orders).WithReference(payments).WithReference(web);
if (!publishing)
{
    gateway.WithEnvironment("Gateway__OutgoingAddress", gatewayOutgoingAddress);
}
// The gateway binds its port itself: behind DCP's proxy every client would come from one loopback address, and the
// per-address rate limits would treat all kiosks as one.
gateway.WithEndpointProxySupport(false);
// Kiosk:Gateway:RateLimits:<setting> (e.g. NewCartsPerMinute, ExemptNetworks:0) reaches the gateway's Gateway:RateLimits.
ForwardSection(gateway, "Kiosk:Gateway:RateLimits", "Gateway__RateLimits");
// HTTPS on a second port (Kiosk:Gateway:Https:Port, default 8443; 0 takes a free one) when Kiosk:Gateway:Https names a
// certificate (CertificatePath + CertificatePassword, or CertificatePemPath + KeyPemPath); the gateway then sends HSTS.
if (!string.IsNullOrEmpty(builder.Configuration["Kiosk:Gateway:Https:CertificatePath"])
    || !string.IsNullOrEmpty(builder.Configuration["Kiosk:Gateway:Https:CertificatePemPath"]))
{
    var httpsPort = builder.Configuration.GetValue("Kiosk:Gateway:Https:Port", 8443);
    gateway.WithHttpsEndpoint(port: httpsPort == 0 ? null : httpsPort, name: "https");
    ForwardSection(gateway, "Kiosk:Gateway:Https", "Gateway__Https");
}
// Kiosk:Cart:<setting> (OpenCartIdle, CheckedOutRetention, SweepInterval) reaches the cart service.
ForwardSection(cart, "Kiosk:Cart", "Kiosk__Cart");

builder.LaunchProjectsFromBuildOutput();
builder.Build().Run();

// A service's database: on the server the AppHost runs, or, published, its own connection string (ConnectionStrings__<name>).
IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
    postgres is null ? builder.AddConnectionString(name) : postgres.AddKioskDatabase(name);

// Passes every setting under an AppHost configuration section to a project as environment variables.
void ForwardSection(IResourceBuilder<ProjectResource> project, string section, string environmentPrefix)
{
    foreach (var setting in builder.Configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
    {
        if (setting.Value is not null)
        {
            project.WithEnvironment($"{environmentPrefix}__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
        }
    }
}
