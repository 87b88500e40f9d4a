using System.Security.Cryptography;
using Kiosk.Data;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Web.Crew;

/// <summary>
/// The first-run path. While no enabled manager exists, each start logs a new one-time setup code (at Warning, so it
/// shows in any log); <c>/staff/setup</c> with that code creates the first manager and the code is spent. In
/// Development, <c>Kiosk:Crew:DevManagerPin</c> seeds a manager called "Manager" instead, and <c>Kiosk:Crew:DevCrew</c>
/// (name, roles, PIN) more crew members; neither is read outside Development.
/// </summary>
public sealed class CrewSetup(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger<CrewSetup> logger)
    : IHostedService
{
    public const string DevManagerPinKey = "Kiosk:Crew:DevManagerPin";
    public const string DevCrewKey = "Kiosk:Crew:DevCrew";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Lock _lock = new();
    private string? _code;

    /// <summary>Whether <paramref name="entered"/> is the current setup code; compared in constant time.</summary>
    public bool Matches(string? entered)
    {
        lock (_lock)
        {
            return _code is not null && entered is not null
                && CryptographicOperations.FixedTimeEquals(
                    SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_code)),
                    SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(entered.Trim().ToUpperInvariant())));
        }
    }

    public void Spend()
    {
        lock (_lock)
        {
            _code = null;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CrewAccounts>();
        if (environment.IsDevelopment())
        {
            await SeedDevelopmentCrewAsync(scope.ServiceProvider.GetRequiredService<CrewDbContext>(), accounts, cancellationToken);
        }
        if (await accounts.AnyManagerAsync(cancellationToken))
        {
            return;
        }

        var code = RandomNumberGenerator.GetString(CodeAlphabet, 10);
        lock (_lock)
        {
            _code = code;
        }
        logger.LogWarning("No crew manager exists yet. Open /staff/setup and enter the one-time setup code {SetupCode} to create the first manager (a new code is logged at each start until then).", code);
    }

    private async Task SeedDevelopmentCrewAsync(CrewDbContext db, CrewAccounts accounts, CancellationToken ct)
    {
        var seeds = configuration.GetSection(DevCrewKey).GetChildren()
            .Select(seed => (Name: seed["Name"], Roles: (seed["Roles"] ?? "").Split(',', ';'), Pin: seed["Pin"]))
            .ToList();
        if (configuration[DevManagerPinKey] is { Length: > 0 } managerPin)
        {
            seeds.Insert(0, ("Manager", [CrewRoles.Manager], managerPin));
        }
        foreach (var (name, roles, pin) in seeds)
        {
            if (string.IsNullOrWhiteSpace(name) || CrewAccounts.PinProblem(pin) is not null)
            {
                logger.LogWarning("Development crew member {Name} skipped: it needs a name and a PIN of 4 to 12 digits", name);
                continue;
            }
            if (await db.CrewMembers.AnyAsync(c => c.DisplayName == name.Trim(), ct))
            {
                continue;
            }
            try
            {
                await accounts.AddAsync(name, roles, pin!, ct);
                logger.LogInformation("Development crew member {Name} added", name);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Another replica seeded the same name a moment ago.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
