using Microsoft.Playwright;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>
/// Closes a test's browser context when the test ends, within a bound: Chromium has been seen never to answer a close,
/// which would hang the whole run. A context not closed in time goes with the browser at the end of the collection.
/// </summary>
public sealed class ClosingContext(IBrowserContext context) : IAsyncDisposable
{
    private static readonly TimeSpan CloseWithin = TimeSpan.FromSeconds(20);

    public IBrowserContext Context => context;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await context.CloseAsync().WaitAsync(CloseWithin);
        }
        catch (TimeoutException)
        {
            // Left to the browser's own end; the test's result is already decided.
        }
    }
}

public static class ClosingContextExtensions
{
    public static ClosingContext ClosingAtEnd(this IBrowserContext context) => new(context);
}
