namespace Kiosk.Web.Localization;

/// <summary>Every customer-facing label; <c>required</c> makes the compiler check that each language has them all.</summary>
public sealed record UiText
{
    public required string Lang { get; init; }
    public required string LanguageName { get; init; }
    public required string SkipToContent { get; init; }
    public required string Welcome { get; init; }
    public required string TouchToOrder { get; init; }
    public required string ChooseDining { get; init; }
    public required string DineIn { get; init; }
    public required string TakeOut { get; init; }
    public required string Language { get; init; }
    public required string StartFailed { get; init; }

    public required string Menu { get; init; }
    public required string Categories { get; init; }
    public required string SoldOut { get; init; }
    public required string Quantity { get; init; }
    public required string Fewer { get; init; }
    public required string More { get; init; }
    public required string AddToOrder { get; init; }
    public required string Cancel { get; init; }
    public required string AddedToOrder { get; init; }
    public required string ViewOrder { get; init; }
    public required string Item { get; init; }
    public required string Items { get; init; }
    public required string StartOver { get; init; }
    public required string StartOverQuestion { get; init; }
    public required string OrderWillBeCleared { get; init; }
    public required string KeepMyOrder { get; init; }
    public required string MenuUnavailable { get; init; }
    public required string TapAnItem { get; init; }
    public required string NothingHere { get; init; }

    public required string Required { get; init; }
    public required string ChooseOne { get; init; }
    public required string OptionalUpTo { get; init; }
    public required string NoteLabel { get; init; }
    public required string MakeItAMeal { get; init; }
    public required string MakeItAMealHint { get; init; }
    public required string YesMakeItAMeal { get; init; }
    public required string SomethingSweet { get; init; }
    public required string AddIt { get; init; }
    public required string NoThanks { get; init; }

    /// <summary>"Step {0} of {1}": the chooser's step heading.</summary>
    public required string StepOf { get; init; }
    public required string Back { get; init; }
    public required string Next { get; init; }
    public required string StillToChoose { get; init; }

    public required string YourOrder { get; init; }
    public required string OrderEmpty { get; init; }
    public required string Remove { get; init; }
    public required string Each { get; init; }
    public required string Subtotal { get; init; }
    public required string VatIncluded { get; init; }
    public required string Total { get; init; }
    public required string PlaceOrder { get; init; }
    public required string AddMore { get; init; }
    public required string OrderType { get; init; }
    public required string LinesSoldOut { get; init; }
    public required string LineSoldOut { get; init; }
    public required string LineChangeOrRemove { get; init; }
    public required string LineRemove { get; init; }
    public required string ChangeChoice { get; init; }

    public required string ThankYou { get; init; }
    public required string YourOrderNumber { get; init; }
    public required string PayAtCounter { get; init; }
    public required string WeArePreparing { get; init; }
    public required string PickUpAtCounter { get; init; }
    public required string StatusPending { get; init; }
    public required string StatusPaid { get; init; }
    public required string StatusCompleted { get; init; }
    public required string StatusCancelled { get; init; }
    public required string OrderCancelledHint { get; init; }
    public required string StatusExpired { get; init; }
    public required string OrderExpiredHint { get; init; }
    public required string SendingOrder { get; init; }
    public required string NewOrder { get; init; }
    public required string ScanToFollow { get; init; }
    public required string BackToStartIn { get; init; }
    public required string Seconds { get; init; }
    public required string NotConfirmedYet { get; init; }
    public required string ShowThisToCrew { get; init; }
    public required string OrderReference { get; init; }

    public required string StillThere { get; init; }
    public required string ClearingIn { get; init; }
    public required string Continue { get; init; }

    public required string ConnectionTrouble { get; init; }
    public required string TryAgain { get; init; }
    public required string ErrorTitle { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string SessionEnded { get; init; }

    public string StepCount(int step, int count) => string.Format(CultureInfo.InvariantCulture, StepOf, step, count);

    public string ItemWord(int count) => count == 1 ? Item : Items;

    public string Dining(string? diningOption) => diningOption == DiningOptions.TakeOut ? TakeOut : DineIn;
}
