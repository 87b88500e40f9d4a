using System.Security.Cryptography.X509Certificates;

namespace Kiosk.Gateway;

/// <summary>
/// HTTPS at the kiosk's front door (section <c>Gateway:Https</c>), on when a certificate is configured: a PKCS#12 file
/// (<see cref="CertificatePath"/> with <see cref="CertificatePassword"/>) or PEM files (<see cref="CertificatePemPath"/>
/// with <see cref="KeyPemPath"/>). The HTTPS address itself comes from the host (the AppHost's <c>https</c> endpoint,
/// or <c>ASPNETCORE_URLS</c>). HTTPS responses then carry Strict-Transport-Security. Without a certificate nothing changes.
/// </summary>
public sealed class GatewayHttpsOptions
{
    public const string Section = "Gateway:Https";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string? CertificatePemPath { get; set; }
    public string? KeyPemPath { get; set; }

    /// <summary>How long a browser keeps to HTTPS once it has seen the header (default 365 days).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Redirect plain HTTP requests to HTTPS (off by default: kiosks bookmarked on port 8080 keep working).</summary>
    public bool RedirectHttp { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(CertificatePath) || !string.IsNullOrEmpty(CertificatePemPath);

    public X509Certificate2 LoadCertificate() =>
        !string.IsNullOrEmpty(CertificatePath)
            ? X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword)
            : X509Certificate2.CreateFromPemFile(CertificatePemPath!, KeyPemPath);
}

public static class GatewayHttps
{
    /// <summary>Serves HTTPS with the configured certificate and prepares HSTS; null (and nothing changed) without one.</summary>
    public static GatewayHttpsOptions? AddGatewayHttps(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayHttpsOptions.Section).Get<GatewayHttpsOptions>() ?? new GatewayHttpsOptions();
        if (!options.IsConfigured)
        {
            return null;
        }
        // Loaded once when Kestrel starts (a missing file or a wrong password stops the gateway then, not at the first
        // request) and disposed with the app.
        builder.Services.AddSingleton(_ => options.LoadCertificate());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<X509Certificate2>()));
        builder.Services.AddHsts(hsts => hsts.MaxAge = options.HstsMaxAge);
        if (options.RedirectHttp)
        {
            builder.Services.AddHttpsRedirection(_ => { });
        }
        return options;
    }

    /// <summary>HSTS on HTTPS responses (the middleware never sends it over plain HTTP, nor to localhost).</summary>
    public static void UseGatewayHttps(this WebApplication app, GatewayHttpsOptions? options)
    {
        if (options is null)
        {
            return;
        }
        app.UseHsts();
        if (options.RedirectHttp)
        {
            app.UseHttpsRedirection();
        }
    }
}
