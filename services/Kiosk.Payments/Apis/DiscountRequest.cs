namespace Kiosk.Payments.Apis;

/// <summary>The senior citizen / PWD discount the cashier asks for: who shares the order and which of them hold an ID.</summary>
[OpenApiExample("""
    { "kind": "SENIOR", "diners": 2, "holders": [{ "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }] }
    """)]
public sealed record DiscountRequest(string? Kind, int? Diners, IReadOnlyList<DiscountHolderRequest?>? Holders)
{
    /// <summary>More diners than any table of one order; keeps the arithmetic and the invoice sane.</summary>
    public const int MaxDiners = 1000;

    /// <summary>Adds what is wrong with <paramref name="discount"/> to <paramref name="errors"/>, each under its field's path.</summary>
    /// <returns>The valid discount, or null when there is none or it is invalid.</returns>
    public static DiscountClaim? Validate(DiscountRequest? discount, Dictionary<string, string[]> errors)
    {
        if (discount is null)
        {
            return null;
        }

        var before = errors.Count;
        if (!DiscountKind.IsKnown(discount.Kind))
        {
            errors["discount.kind"] = [$"Discount kind must be one of {string.Join(", ", DiscountKind.All)}; got '{discount.Kind}'."];
        }

        var holders = discount.Holders ?? [];
        if (discount.Diners is not int diners)
        {
            errors["discount.diners"] = ["Diners is required: how many people share the order (at least 1)."];
        }
        else if (diners < 1)
        {
            errors["discount.diners"] = [$"Diners must be at least 1; got {diners}."];
        }
        else if (diners > MaxDiners)
        {
            errors["discount.diners"] = [$"Diners must be at most {MaxDiners}; got {diners}."];
        }
        else if (holders.Count > diners)
        {
            errors["discount.holders"] = [$"There are {holders.Count} holders but only {diners} diners; each holder is one of the diners."];
        }

        if (holders.Count == 0)
        {
            errors["discount.holders"] = ["Name at least one senior citizen or PWD holder, with their ID number."];
        }
        for (var i = 0; i < holders.Count; i++)
        {
            var holder = holders[i];
            if (string.IsNullOrWhiteSpace(holder?.Name))
            {
                errors[$"discount.holders[{i}].name"] = [$"Holder {i + 1} needs a name."];
            }
            else if (holder.Name.Trim().Length > DiscountHolder.MaxNameLength)
            {
                errors[$"discount.holders[{i}].name"] = [$"Holder {i + 1}'s name is longer than {DiscountHolder.MaxNameLength} characters."];
            }
            if (string.IsNullOrWhiteSpace(holder?.IdNumber))
            {
                errors[$"discount.holders[{i}].idNumber"] = [$"Holder {i + 1} needs the ID number of their senior citizen or PWD ID."];
            }
            else if (holder.IdNumber.Trim().Length > DiscountHolder.MaxIdNumberLength)
            {
                errors[$"discount.holders[{i}].idNumber"] = [$"Holder {i + 1}'s ID number is longer than {DiscountHolder.MaxIdNumberLength} characters."];
            }
        }

        return errors.Count > before
            ? null
            : new DiscountClaim(discount.Kind!, discount.Diners!.Value, [.. holders.Select(h => (h!.Name!.Trim(), h.IdNumber!.Trim()))]);
    }
}

[OpenApiExample("""
    { "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }
    """)]
public sealed record DiscountHolderRequest(string? Name, string? IdNumber);
