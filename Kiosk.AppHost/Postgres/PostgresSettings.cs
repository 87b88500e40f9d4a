using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost.Postgres;

/// <summary>The <c>Kiosk:Postgres</c> configuration section, read once at AppHost build time.</summary>
internal sealed record PostgresSettings(PostgresMode Mode, string? DataDir, string? BinDir, string? DataVolume)
{
    public const string Section = "Kiosk:Postgres";

    public static PostgresSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var modeText = section["Mode"];
        var mode = PostgresMode.Auto;
        if (!string.IsNullOrWhiteSpace(modeText)
            && (!Enum.TryParse(modeText, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _)))
        {
            throw new DistributedApplicationException(
                $"{Section}:Mode is '{modeText}'; use one of: auto, container, local, external.");
        }

        return new PostgresSettings(mode, Blank(section["DataDir"]), Blank(section["BinDir"]), Blank(section["DataVolume"]));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
