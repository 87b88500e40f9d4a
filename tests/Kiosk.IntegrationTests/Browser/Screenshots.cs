using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>Saves each step of a browser test under <c>artifacts/screenshots/</c> in the test output, for people to look at.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string step, [CallerMemberName] string test = "")
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{test}-{step}.png"), FullPage = true });
    }
}
