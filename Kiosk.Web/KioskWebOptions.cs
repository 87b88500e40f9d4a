namespace Kiosk.Web;

/// <summary>The <c>Kiosk:Web</c> configuration section: how long screens wait before starting over.</summary>
public sealed class KioskWebOptions
{
    public const string Section = "Kiosk:Web";

    /// <summary>Seconds without a touch before the "Are you still there?" countdown appears.</summary>
    public int IdleSeconds { get; set; } = 90;

    /// <summary>Seconds the confirmation screen stays before the kiosk returns to the attract screen.</summary>
    public int ConfirmationSeconds { get; set; } = 60;

    /// <summary>Length of the visible "Are you still there?" countdown.</summary>
    public int IdleCountdownSeconds { get; set; } = 10;
}
