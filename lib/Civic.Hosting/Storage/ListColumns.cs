using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Hosting.Storage;

/// <summary>
/// Lists stored in one text column, the same on SQLite and PostgreSQL: as JSON, or as comma-separated enum names
/// ("Danish,English") where that reads better in the database. Each comes with the comparer EF needs to notice a
/// change made inside the list (without it, adding an item to a tracked entity's list would not be saved).
/// </summary>
public static class ListColumns
{
    /// <summary>Stores the list as JSON text (<paramref name="options"/>: null for the serializer's defaults).</summary>
    public static PropertyBuilder<List<T>> HasJsonListConversion<T>(this PropertyBuilder<List<T>> property, JsonSerializerOptions? options = null) =>
        property.HasConversion(
            list => JsonSerializer.Serialize(list, options),
            json => JsonSerializer.Deserialize<List<T>>(json, options) ?? new List<T>(),
            SequenceComparer<T>());

    /// <summary>Stores the list as its members' names, comma-separated.</summary>
    public static PropertyBuilder<List<TEnum>> HasNameListConversion<TEnum>(this PropertyBuilder<List<TEnum>> property)
        where TEnum : struct, Enum =>
        property.HasConversion(
            values => string.Join(',', values),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TEnum>).ToList(),
            SequenceComparer<TEnum>());

    /// <summary>Two lists are equal when they hold equal items in the same order; a snapshot is a copy.</summary>
    public static ValueComparer<List<T>> SequenceComparer<T>() => new(
        (left, right) => left != null && right != null && left.SequenceEqual(right),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
