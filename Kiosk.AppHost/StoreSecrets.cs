using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kiosk.AppHost;

/// <summary>
/// The store's secrets have development values (appsettings.Development.json) that are printed in the docs: outside
/// Development the AppHost refuses to start until real ones are set, so no store runs with a key anyone can read.
/// </summary>
internal static class StoreSecrets
{
    private static readonly Dictionary<string, string> DevelopmentValues = new()
    {
        ["staff-api-key"] = "kiosk-dev-staff-key",
        ["staff-pin"] = "1234",
    };

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
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Kiosk AppHost does not start in {environment.EnvironmentName} with development secrets: " +
                $"{string.Join("; ", problems)}. Set them as user secrets (dotnet user-secrets set Parameters:staff-api-key …) " +
                "or environment variables (Parameters__staff-api-key, Parameters__staff-pin).");
        }
    }
}
