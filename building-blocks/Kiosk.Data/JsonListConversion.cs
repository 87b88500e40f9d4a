using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kiosk.Data;

public static class JsonListConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>The column's text for <paramref name="list"/>, as the conversion below writes it (for SQL written by hand).</summary>
    public static string Serialize<T>(IReadOnlyList<T> list) => JsonSerializer.Serialize(list, Options);

    /// <summary>
    /// Stores a small list of value records (e.g. a line's chosen options) as one <c>jsonb</c> column: they are always read
    /// and written with their row, never queried on their own. Compared by content, so a changed list is saved.
    /// </summary>
    public static PropertyBuilder<IReadOnlyList<T>> HasJsonListConversion<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                list => Serialize(list),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    list => list.ToList()));
}
