using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>The value-meal chooser's steps, by touch and by keyboard, shared by the meal browser tests.</summary>
public static class ChooserScreen
{
    /// <summary>Opens <paramref name="mealId"/>'s chooser the way the menu's item card does (its link), on step 1.</summary>
    public static async Task OpenMealAsync(IPage page, int mealId, string category = "VALUE_MEALS")
    {
        await page.GotoAsync($"/menu?category={category}&item={mealId}");
        await Expect(page.GetByTestId("quantity-sheet")).ToBeVisibleAsync();
    }

    /// <summary>The step shown now: exactly one group is visible at a time.</summary>
    public static ILocator CurrentStep(IPage page) => page.Locator("[data-option-group]:visible");

    public static async Task ExpectStepAsync(IPage page, string name, int number, int count)
    {
        await Expect(CurrentStep(page)).ToHaveCountAsync(1);
        await Expect(CurrentStep(page).GetByTestId("step-name")).ToHaveTextAsync(name);
        await Expect(CurrentStep(page).Locator(".step-count")).ToHaveTextAsync($"Step {number} of {count}");
    }

    /// <summary>The step's heading has the focus, as it does after every step change (keyboard and screen reader users start there).</summary>
    public static async Task ExpectFocusOnStepAsync(IPage page, string name) =>
        await Expect(page.Locator("[data-step-heading]:focus").GetByTestId("step-name")).ToHaveTextAsync(name);

    /// <summary>The data-testid of the focused element or the nearest element around it that has one.</summary>
    public static Task<string?> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement?.closest('[data-testid]')?.dataset.testid ?? null");

    /// <summary>Presses Tab (at most <paramref name="most"/> times) until <paramref name="testId"/> has the focus.</summary>
    public static async Task TabToAsync(IPage page, string testId, int most = 12)
    {
        var seen = new List<string?>();
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (focused == testId)
            {
                return;
            }
            seen.Add(focused);
        }
        Assert.Fail($"Tab did not reach {testId} in {most} presses; focus went: {string.Join(" → ", seen)}");
    }

    /// <summary>Taps Next and waits for the step named <paramref name="name"/>.</summary>
    public static async Task NextAsync(IPage page, string name)
    {
        await page.GetByTestId("chooser-next").ClickAsync();
        await Expect(CurrentStep(page).GetByTestId("step-name")).ToHaveTextAsync(name);
    }
}
