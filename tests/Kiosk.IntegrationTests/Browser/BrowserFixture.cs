using Microsoft.Playwright;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>
/// One Playwright driver and one headless Chromium for the whole collection (a launch costs about a second,
/// twice that when tests run side by side on two cores). Each test opens its own context: its own cookies.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // The system Chromium; Playwright must never try to download its own browser.
    private const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture has not started.");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Every screen waits on real services over two busy cores: give assertions more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KIOSK_CHROMIUM") ?? DefaultChromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh kiosk screen (portrait 1080×1920, touch) with its own cookies, addressed relative to <paramref name="baseUrl"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 },
            HasTouch = true,
            Locale = "en-PH",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            try
            {
                // Bounded like each context's close (ClosingContext); the driver's end below takes the browser with it.
                await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
            }
        }
        _playwright?.Dispose();
    }
}
