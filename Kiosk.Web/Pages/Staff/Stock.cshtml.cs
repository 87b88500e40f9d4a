using Kiosk.Web.Crew;

namespace Kiosk.Web.Pages.Staff;

/// <summary>Mark items sold out or available again; the menu service keeps the flag and the kiosk stops offering the item.</summary>
public sealed class StockModel(MenuClient menu, CrewAudit audit) : PageModel
{
    public IReadOnlyList<(MenuCategory Category, IReadOnlyList<MenuItem> Items)> Sections { get; private set; } = [];
    public string? Problem { get; private set; }

    [TempData]
    public string? Changed { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAvailabilityAsync(int id, bool available, CancellationToken ct)
    {
        var changed = await menu.SetAvailabilityAsync(id, available, ct);
        await audit.RecordAsync(AuditActions.StockChange, changed.Succeeded, $"item {id}",
            $"{(changed.Succeeded ? changed.Value.Name : "item")} {(available ? "available" : "sold out")}", ct: ct);
        if (changed.Succeeded)
        {
            Changed = $"{changed.Value.Name} is now {(changed.Value.Available ? "available" : "sold out")}.";
            return RedirectToPage();
        }

        Problem = ProblemText.ForStaff(changed.Problem, "change the item");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChoiceAvailabilityAsync(int choiceId, bool available, CancellationToken ct)
    {
        var changed = await menu.SetChoiceAvailabilityAsync(choiceId, available, ct);
        await audit.RecordAsync(AuditActions.StockChange, changed.Succeeded, $"choice {choiceId}",
            $"{(changed.Succeeded ? changed.Value.Name : "item")} choice {(available ? "available" : "sold out")}", ct: ct);
        if (changed.Succeeded)
        {
            var choice = changed.Value.Groups.SelectMany(g => g.Choices).FirstOrDefault(c => c.Id == choiceId);
            Changed = $"{changed.Value.Name}: {choice?.Name ?? $"choice {choiceId}"} is now {(available ? "available" : "sold out")}.";
            return RedirectToPage();
        }

        Problem = ProblemText.ForStaff(changed.Problem, "change the choice");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var categories = await menu.GetCategoriesAsync(ct);
        if (!categories.Succeeded)
        {
            Problem ??= ProblemText.ForStaff(categories.Problem, "load the menu");
            return;
        }

        var items = await Task.WhenAll(categories.Value.Select(c => menu.GetItemsAsync(c.Code, ct)));
        if (items.FirstOrDefault(r => !r.Succeeded) is { Problem: { } problem })
        {
            Problem ??= ProblemText.ForStaff(problem, "load every category");
        }
        Sections = [.. categories.Value.Zip(items, (category, result) => (category, result.Value ?? []))];
    }
}
