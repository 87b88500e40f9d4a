using Kiosk.Data;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Web.Crew;

/// <summary>
/// The first-run path. While no enabled manager exists, each start (of each replica) issues a one-time setup code
/// (<see cref="SetupCodes"/>, kept in the database as a hash) and logs it at Warning, so it shows in any log;
/// <c>/staff/setup</c> with any unspent code creates the first manager and spends them all. In Development,
/// <c>Kiosk:Crew:DevManagerPin</c> seeds a manager called "Manager" instead, and <c>Kiosk:Crew:DevCrew</c> (name, roles,
/// PIN) more crew members; neither is read outside Development.
/// </summary>
public sealed class CrewSetup(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger<CrewSetup> logger)
    : IHostedService
{
    public const string DevManagerPinKey = "Kiosk:Crew:DevManagerPin";
    public const string DevCrewKey = "Kiosk:Crew:DevCrew";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CrewAccounts>();
        var codes = scope.ServiceProvider.GetRequiredService<SetupCodes>();
        if (environment.IsDevelopment())
        {
            await SeedDevelopmentCrewAsync(scope.ServiceProvider.GetRequiredService<CrewDbContext>(), accounts, cancellationToken);
        }
        if (await accounts.AnyManagerAsync(cancellationToken))
        {
            // Codes issued before a manager existed (e.g. the seeded one) must not create another.
            await codes.SpendAllAsync(cancellationToken);
            return;
        }

        var (code, expiresAt) = await codes.IssueAsync(cancellationToken);
        logger.LogWarning("No crew manager exists yet. Open /staff/setup and enter the one-time setup code {SetupCode} to create the first manager (good until {ExpiresAt:u}; each start logs a new code until then).", code, expiresAt);
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
