using Kiosk.KafkaBroker;
using Kiosk.KafkaBroker.Native;

NativeLibraryResolver.Register();

var builder = WebApplication.CreateBuilder(args);
// The control port is for this machine only, whichever address the launcher named.
builder.WebHost.UseUrls(LoopbackListener.Urls(builder.Configuration));
builder.WebHost.UseSetting("http_ports", "");
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
// Health probes arrive every few seconds; per-request lines would bury the broker's own events.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.Services.AddSingleton(BrokerOptions.From(builder.Configuration));
builder.Services.AddSingleton<KafkaBroker>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<KafkaBroker>());
builder.Services.AddSingleton<MetadataProbe>();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.MapBrokerApi();
app.Run();
