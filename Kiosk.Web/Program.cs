var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKioskWeb();
builder.AddKioskLive();

var app = builder.Build();

app.UseSecurityHeaders();
// Customers and crew never see a stack trace: failures and unknown addresses both land on the friendly Error page.
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");

app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapRazorPages();
app.MapLiveStreams();

return await app.RunOrMigrateAsync(args);
