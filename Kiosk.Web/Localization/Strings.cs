namespace Kiosk.Web.Localization;

/// <summary>The kiosk's two languages. Menu names come from the menu service and are not translated.</summary>
public static class Strings
{
    public static UiText English { get; } = new()
    {
        Lang = "en",
        LanguageName = "English",
        SkipToContent = "Skip to content",
        Welcome = "Welcome!",
        TouchToOrder = "Touch to order",
        ChooseDining = "Where will you eat today?",
        DineIn = "Dine in",
        TakeOut = "Take out",
        Language = "Language",
        StartFailed = "We can't start your order right now. Please try again in a moment.",

        Menu = "Menu",
        Categories = "Categories",
        SoldOut = "Sold out",
        Quantity = "Quantity",
        Fewer = "One less",
        More = "One more",
        AddToOrder = "Add to order",
        Cancel = "Cancel",
        AddedToOrder = "Added to your order",
        ViewOrder = "View order",
        Item = "item",
        Items = "items",
        StartOver = "Start over",
        MenuUnavailable = "The menu can't be shown right now. Please try again in a moment.",
        TapAnItem = "Tap an item to choose how many",
        NothingHere = "Nothing in this category right now.",

        YourOrder = "Your order",
        OrderEmpty = "Your order is empty. Add something from the menu.",
        Remove = "Remove",
        Each = "each",
        Subtotal = "Subtotal (VATable sales)",
        VatIncluded = "VAT (12%) included",
        Total = "Total",
        PlaceOrder = "Place order",
        AddMore = "Add more items",
        OrderType = "Order type",

        ThankYou = "Thank you!",
        YourOrderNumber = "Your order number",
        PayAtCounter = "Please pay at the counter",
        WeArePreparing = "We are preparing your food.",
        PickUpAtCounter = "Please pick up your order at the counter.",
        StatusPending = "Waiting for payment",
        StatusPaid = "Preparing",
        StatusCompleted = "Ready",
        SendingOrder = "Sending your order…",
        NewOrder = "Done — new order",
        BackToStartIn = "Back to the start in",
        Seconds = "seconds",

        StillThere = "Are you still there?",
        ClearingIn = "Your order will be cleared in",
        Continue = "Continue",

        ConnectionTrouble = "We're having trouble connecting right now. Your order is safe — please try again.",
        TryAgain = "Try again",
        ErrorTitle = "Sorry, something went wrong",
        NotFoundTitle = "We can't find that page",
        SessionEnded = "Your order session has ended. Please start a new order.",
    };

    public static UiText Filipino { get; } = new()
    {
        Lang = "fil",
        LanguageName = "Filipino",
        SkipToContent = "Lumaktaw sa nilalaman",
        Welcome = "Mabuhay!",
        TouchToOrder = "Pindutin para umorder",
        ChooseDining = "Saan ka kakain ngayon?",
        DineIn = "Dito kakain",
        TakeOut = "Iuuwi",
        Language = "Wika",
        StartFailed = "Hindi pa masimulan ang iyong order. Pakisubukang muli mamaya.",

        Menu = "Menu",
        Categories = "Mga kategorya",
        SoldOut = "Ubos na",
        Quantity = "Dami",
        Fewer = "Bawasan ng isa",
        More = "Dagdagan ng isa",
        AddToOrder = "Idagdag sa order",
        Cancel = "Huwag na lang",
        AddedToOrder = "Naidagdag sa iyong order",
        ViewOrder = "Tingnan ang order",
        Item = "item",
        Items = "item",
        StartOver = "Magsimulang muli",
        MenuUnavailable = "Hindi maipakita ang menu ngayon. Pakisubukang muli mamaya.",
        TapAnItem = "Pindutin ang pagkain para piliin kung ilan",
        NothingHere = "Wala pang laman ang kategoryang ito.",

        YourOrder = "Ang iyong order",
        OrderEmpty = "Wala pang laman ang iyong order. Pumili mula sa menu.",
        Remove = "Alisin",
        Each = "bawat isa",
        Subtotal = "Subtotal (benta na may VAT)",
        VatIncluded = "Kasama ang VAT (12%)",
        Total = "Kabuuan",
        PlaceOrder = "Ilagay ang order",
        AddMore = "Magdagdag pa",
        OrderType = "Uri ng order",

        ThankYou = "Salamat po!",
        YourOrderNumber = "Numero ng iyong order",
        PayAtCounter = "Magbayad po sa counter",
        WeArePreparing = "Inihahanda na ang iyong pagkain.",
        PickUpAtCounter = "Pakikuha ang iyong order sa counter.",
        StatusPending = "Naghihintay ng bayad",
        StatusPaid = "Inihahanda",
        StatusCompleted = "Handa na",
        SendingOrder = "Ipinapadala ang iyong order…",
        NewOrder = "Tapos na — bagong order",
        BackToStartIn = "Babalik sa simula sa loob ng",
        Seconds = "segundo",

        StillThere = "Nandiyan ka pa ba?",
        ClearingIn = "Buburahin ang iyong order sa loob ng",
        Continue = "Magpatuloy",

        ConnectionTrouble = "May problema sa koneksyon ngayon. Ligtas ang iyong order — pakisubukang muli.",
        TryAgain = "Subukang muli",
        ErrorTitle = "Paumanhin, may nangyaring mali",
        NotFoundTitle = "Hindi makita ang pahinang iyan",
        SessionEnded = "Natapos na ang iyong session. Magsimula po ng bagong order.",
    };

    public static IReadOnlyList<UiText> All { get; } = [English, Filipino];

    public static UiText For(string? lang) => lang == Filipino.Lang ? Filipino : English;
}
