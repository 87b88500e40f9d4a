namespace Kiosk.Cart.Apis;

/// <summary>
/// Deliberately no name, price or delta: those come from the menu, whatever a client sends. <c>choiceIds</c> are ids
/// from the item's <c>optionGroups</c>; left out, each group's defaults are taken. <c>note</c>: at most 140 characters, one line.
/// </summary>
[OpenApiExample("""
    { "menuItemId": 601, "quantity": 1, "choiceIds": [9101, 9112, 9122], "note": "no ice" }
    """)]
public sealed record AddItemRequest(int? MenuItemId, int? Quantity, IReadOnlyList<int>? ChoiceIds = null, string? Note = null);
