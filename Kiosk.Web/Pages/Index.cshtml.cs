namespace Kiosk.Web.Pages;

/// <summary>The attract screen: pick a language, then dine in or take out, which starts a fresh cart.</summary>
public sealed class IndexModel(CartClient carts, UiText text) : PageModel
{
    public string? Problem { get; private set; }

    public void OnGet(bool reset = false)
    {
        // The idle timer and the confirmation screen come back here with reset=1: the next customer starts clean.
        if (reset)
        {
            KioskSession.End(Response);
        }
    }

    public async Task<IActionResult> OnPostStartAsync(string? diningOption, CancellationToken ct)
    {
        var created = await carts.CreateAsync(ct);
        if (!created.Succeeded)
        {
            Problem = created.Problem.IsTransient ? text.StartFailed : ProblemText.ForCustomer(created.Problem, text);
            return Page();
        }

        KioskSession.Begin(Response, created.Value.CartId, DiningOptions.IsKnown(diningOption) ? diningOption! : DiningOptions.DineIn);
        return RedirectToPage("/Menu");
    }

    public IActionResult OnPostLanguage(string? lang)
    {
        LanguageCookie.Write(Response, lang ?? "");
        return RedirectToPage();
    }
}
