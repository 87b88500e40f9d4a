using Kiosk.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Routes and clusters live in appsettings.json; "http://menu" etc. are resolved by service discovery.
// A catch-all also matches its bare prefix (/api/carts/{**catch-all} takes POST /api/carts), so one route per service is enough.
// /live/* (the web's server-sent event streams) has a cluster of its own: idle for up to a heartbeat (15 s) between
// events, so a longer activity timeout; YARP flushes each event through unbuffered (text/event-stream).
// YARP's default transforms add X-Forwarded-For/Proto/Host, so services can see the kiosk's own address.
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver()
    // The apps trust forwarded headers only from this address; see OutgoingAddress.
    .BindOutgoingAddress(builder.Configuration);
// Per client address: new carts, other anonymous writes and staff calls each have a budget; see RateLimits.
builder.Services.AddKioskRateLimits(builder.Configuration);
// Public menu reads are answered from a cache of at most a second, evicted by menu changes sent through here; see MenuReadCache.
builder.Services.AddMenuReadCache();
// HTTPS with HSTS when Gateway:Https names a certificate; see GatewayHttps.
var https = builder.AddGatewayHttps();

var app = builder.Build();

app.UseGatewayHttps(https);
app.UseRateLimiter();
app.UseMenuReadCache();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy =>
{
    proxy.Use(ProxyErrors.AnswerWithProblemDetailsAsync);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();
