namespace Kiosk.Cart.Domain;

/// <summary>The customer's free-text request on a line ("no ice"): short, one line, printable.</summary>
public static class LineNote
{
    public const int MaxLength = 140;

    /// <summary>The note as stored: trimmed, and null when there is nothing in it, so "" and no note are the same line.</summary>
    public static string? Normalize(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>Why the note cannot be taken, or null when it can.</summary>
    public static string? Problem(string? note)
    {
        var normalized = Normalize(note);
        if (normalized is null)
        {
            return null;
        }
        if (normalized.Length > MaxLength)
        {
            return $"The note may have at most {MaxLength} characters (had {normalized.Length}).";
        }
        if (normalized.Any(char.IsControl))
        {
            return "The note must be one line of text: no line breaks, tabs or other control characters.";
        }
        return null;
    }
}
