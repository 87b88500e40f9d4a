namespace Kiosk.Web.Pages.Shared;

/// <summary>What <c>_LineDetails</c> shows; the kitchen passes bigger classes so choices and notes stand out there.</summary>
public sealed record LineDetails(
    IReadOnlyList<LineOption>? Choices, string? Note, string OptionsClass = "line-options muted", string NoteClass = "line-note");
