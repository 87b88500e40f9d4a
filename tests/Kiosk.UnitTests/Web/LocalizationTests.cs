using System.Reflection;
using Kiosk.Web.Localization;

namespace Kiosk.UnitTests.Web;

public sealed class LocalizationTests
{
    // Words Filipino speakers use as they are on a menu board.
    private static readonly HashSet<string> SameInBothLanguages = [nameof(UiText.Menu), nameof(UiText.Item)];

    private static readonly PropertyInfo[] Keys =
        [.. typeof(UiText).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanRead)];

    [Fact]
    public void Every_english_text_has_a_filipino_text()
    {
        Assert.True(Keys.Length > 40, $"Expected the kiosk's labels, found only {Keys.Length} string properties on UiText.");
        foreach (var key in Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(key.GetValue(Strings.English) as string), $"English has no text for {key.Name}.");
            Assert.False(string.IsNullOrWhiteSpace(key.GetValue(Strings.Filipino) as string), $"Filipino has no text for {key.Name}.");
        }
    }

    [Fact]
    public void Filipino_texts_are_translations_not_copies_of_the_english()
    {
        var copied = Keys
            .Where(key => !SameInBothLanguages.Contains(key.Name))
            .Where(key => Equals(key.GetValue(Strings.English), key.GetValue(Strings.Filipino)))
            .Select(key => $"{key.Name} = \"{key.GetValue(Strings.English)}\"")
            .ToList();

        Assert.True(copied.Count == 0, "Untranslated in Filipino: " + string.Join(", ", copied));
    }

    [Theory]
    [InlineData("fil", "fil")]
    [InlineData("en", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("xx", "en")]
    public void An_unknown_or_missing_language_falls_back_to_english(string? asked, string expected) =>
        Assert.Equal(expected, Strings.For(asked).Lang);

    [Fact]
    public void Every_language_is_offered_once()
    {
        Assert.Equal(Strings.All.Count, Strings.All.Select(t => t.Lang).Distinct().Count());
        Assert.All(Strings.All, text => Assert.Same(text, Strings.For(text.Lang)));
    }
}
