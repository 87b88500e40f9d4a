using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kiosk.AppHost;

/// <summary>
/// The store's secrets have development values (appsettings.Development.json) that are printed in the docs: outside
/// Development the AppHost refuses to start until real ones are set, so no store runs with a key anyone can read.
/// Crew PINs are not AppHost secrets: outside Development the first manager is created with the one-time setup code the
/// web app logs, and a development crew seed (<c>Kiosk:Crew:DevManagerPin</c>, <c>Kiosk:Crew:DevCrew</c>) is refused,
/// so no store starts with a built-in PIN.
/// </summary>
internal static class StoreSecrets
{
    private static readonly Dictionary<string, string> DevelopmentValues = new()
    {
        ["staff-api-key"] = "kiosk-dev-staff-key",
    };

    private static readonly string[] DevelopmentOnlySettings = ["Kiosk:Crew:DevManagerPin", "Kiosk:Crew:DevCrew"];

    public static void RequireRealValues(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var problems = DevelopmentValues
            .Select(secret => configuration[$"Parameters:{secret.Key}"] switch
            {
                null or "" => $"Parameters:{secret.Key} is not set",
                var value when value == secret.Value => $"Parameters:{secret.Key} is the development value",
                _ => null,
            })
            .Concat(DevelopmentOnlySettings.Select(key => configuration.GetSection(key).Exists()
                ? $"{key} is set (a built-in crew PIN is for Development only; create the first manager with the setup code the web app logs)"
                : null))
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Kiosk AppHost does not start in {environment.EnvironmentName} with development secrets: " +
                $"{string.Join("; ", problems)}. Set the staff key as a user secret (dotnet user-secrets set Parameters:staff-api-key …) " +
                "or an environment variable (Parameters__staff-api-key).");
        }
    }
}
