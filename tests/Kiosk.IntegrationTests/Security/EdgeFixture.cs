using System.Security.Cryptography;
using Aspire.Hosting.Testing;
using System.Security.Cryptography.X509Certificates;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// A separate AppHost whose carts expire after a few seconds of idleness (swept every second), whose crew sign-ins end
/// after a few seconds without use and a shift of seconds, and whose gateway also serves HTTPS with a self-signed
/// certificate made here, so the main collection keeps the defaults.
/// </summary>
public sealed class EdgeFixture : KioskAppFixture
{
    public const string HostName = "kiosk.test";
    public static readonly TimeSpan OpenCartIdle = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CrewIdleTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ShiftLength = TimeSpan.FromSeconds(15);
    public const int HstsMaxAgeSeconds = 86_400;
    private const string CertificatePassword = "edge-fixture";

    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"kiosk-gateway-{Guid.NewGuid():N}.pfx");

    public EdgeFixture()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        CertificateThumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The SHA-256 thumbprint of the gateway's certificate: the one certificate the test's client accepts.</summary>
    public string CertificateThumbprint { get; }

    public Uri GatewayHttpsUrl => App.GetEndpoint("gateway", "https");

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"--Kiosk:Cart:OpenCartIdle={OpenCartIdle:c}",
        "--Kiosk:Cart:SweepInterval=00:00:01",
        $"--Kiosk:Web:CrewIdleTimeout={CrewIdleTimeout:c}",
        $"--Kiosk:Web:ShiftLength={ShiftLength:c}",
        "--Kiosk:Gateway:Https:Port=0",
        $"--Kiosk:Gateway:Https:CertificatePath={_certificatePath}",
        $"--Kiosk:Gateway:Https:CertificatePassword={CertificatePassword}",
        $"--Kiosk:Gateway:Https:HstsMaxAge={TimeSpan.FromSeconds(HstsMaxAgeSeconds):c}",
    ];

    public override async Task InitializeAsync()
    {
        try
        {
            await base.InitializeAsync();
        }
        finally
        {
            // The gateway has read it by the time it is healthy; a key left in the temporary directory helps nobody.
            File.Delete(_certificatePath);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EdgeCollection : ICollectionFixture<EdgeFixture>
{
    public const string Name = "Kiosk edge: cart expiry, crew sign-in lifetime and HTTPS";
}
