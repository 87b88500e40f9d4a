namespace Kiosk.Web;

/// <summary>The <c>Kiosk:Web</c> configuration section: how long screens wait before starting over, and how crew sign-in resists guessing.</summary>
public sealed class KioskWebOptions
{
    public const string Section = "Kiosk:Web";

    /// <summary>Seconds without a touch before the "Are you still there?" countdown appears.</summary>
    public int IdleSeconds { get; set; } = 90;

    /// <summary>Seconds the confirmation screen stays before the kiosk returns to the attract screen.</summary>
    public int ConfirmationSeconds { get; set; } = 60;

    /// <summary>
    /// Seconds the confirmation screen waits for the order to become visible before it asks the customer to show
    /// the screen to the crew (it keeps looking, and returns to the start after <see cref="ConfirmationSeconds"/>).
    /// </summary>
    public int OrderVisibleSeconds { get; set; } = 60;

    /// <summary>Length of the visible "Are you still there?" countdown.</summary>
    public int IdleCountdownSeconds { get; set; } = 10;

    /// <summary>Wrong staff PINs one client address may enter within <see cref="SignInLockoutSeconds"/> before it is locked out.</summary>
    public int SignInAttempts { get; set; } = 5;

    /// <summary>The period in which wrong PINs are counted, and how long a locked-out address must then wait.</summary>
    public int SignInLockoutSeconds { get; set; } = 300;

    /// <summary>Wrong PINs in a row one crew account may take (from any address) before it is locked out.</summary>
    public int AccountSignInAttempts { get; set; } = 5;

    /// <summary>How long a locked crew account must wait (a manager's PIN reset lifts it sooner).</summary>
    public int AccountLockoutSeconds { get; set; } = 900;

    /// <summary>Time without a request after which a crew member must sign in again (sliding; e.g. <c>00:30:00</c>).</summary>
    public TimeSpan CrewIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a crew sign-in lasts at most, however busy: one shift (e.g. <c>10:00:00</c>).</summary>
    public TimeSpan ShiftLength { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Seconds between heartbeats on an idle live stream, so proxies and browsers know it is alive.</summary>
    public int LiveHeartbeatSeconds { get; set; } = 15;

    /// <summary>
    /// Seconds after which the server ends a live stream; the browser reconnects at once with Last-Event-ID and misses
    /// nothing. Long-lived connections move between replicas this way, and a dropped one is noticed.
    /// </summary>
    public int LiveStreamSeconds { get; set; } = 600;
}
