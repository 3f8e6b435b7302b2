using System.Text.RegularExpressions;
using Civic.Hosting.Errors;
using Civic.Panel.Pool;

namespace Civic.Panel.Schema;

/// <summary>A value to add: its stable key and its Danish and English labels.</summary>
public sealed record NewFeatureValueSpec(string Key, string Label, string LabelEn);

/// <summary>
/// The municipality's feature schema: categories and their values in order. Plain C# (tested without a server):
/// each edit checks its input against the whole schema and changes the entities in place, or throws and changes
/// nothing. Keys are never changed or reused and nothing is removed — retiring keeps what members and draws name.
/// </summary>
public sealed partial class FeatureSchemaDefinition
{
    public const int MaxCategories = 20;
    public const int MaxValuesPerCategory = 30;
    public const int MaxKeyLength = 40;
    public const int MaxLabelLength = 100;

    private readonly List<FeatureSchemaCategory> _categories;
    private readonly List<FeatureSchemaValue> _values;

    public FeatureSchemaDefinition(IEnumerable<FeatureSchemaCategory> categories, IEnumerable<FeatureSchemaValue> values)
    {
        _categories = [.. categories];
        _values = [.. values];
    }

    /// <summary>Every category, retired ones included, in order.</summary>
    public IReadOnlyList<FeatureSchemaCategory> Categories =>
        _categories.OrderBy(c => c.Position).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();

    /// <summary>Every value of every category, retired ones included (members hold them; filters, quotas and draws name them).</summary>
    public IReadOnlyList<FeatureSchemaValue> AllValues => Categories.SelectMany(c => ValuesOf(c.Category)).ToList();

    /// <summary>What sign-up asks: values not retired, of categories not retired.</summary>
    public IReadOnlyList<FeatureSchemaValue> OfferedValues =>
        Categories.Where(c => c.RetiredAt is null).SelectMany(c => ValuesOf(c.Category).Where(v => v.RetiredAt is null)).ToList();

    /// <summary>The key of the category marked as lived experience, if one is.</summary>
    public string? LivedExperienceCategory => _categories.SingleOrDefault(c => c.LivedExperience)?.Category;

    public IReadOnlyList<FeatureSchemaValue> ValuesOf(string category) =>
        _values.Where(v => v.Category == category).OrderBy(v => v.Position).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();

    public string AddCategory(string key, string label, string labelEn, bool livedExperience, IReadOnlyList<NewFeatureValueSpec> values)
    {
        key = key.Trim();
        var violations = new FieldViolations();
        CheckKey(violations, "key", key, "category");
        if (_categories.Any(c => c.Category == key))
        {
            violations.Add("key", $"The schema already has a category with key '{key}'; keys are never reused.", $"Skemaet har allerede en kategori med nøglen '{key}'; nøgler genbruges aldrig.");
        }

        CheckLabels(violations, string.Empty, label, labelEn, _categories.Select(c => (c.Label, c.LabelEn)));
        if (_categories.Count >= MaxCategories)
        {
            violations.Add("key", $"The schema has the maximum of {MaxCategories} categories (retired ones count); rename one instead.", $"Skemaet har allerede det højeste antal kategorier ({MaxCategories}), udgåede medregnet; omdøb en i stedet.");
        }

        if (livedExperience && LivedExperienceCategory is { } marked)
        {
            violations.Add("lived_experience", $"'{marked}' is already the lived-experience category; unmark it first.", $"'{marked}' er allerede kategorien for særlig erfaring; fjern markeringen der først.");
        }

        if (values.Count < 2 || values.Count > MaxValuesPerCategory)
        {
            violations.Add("values", $"A category needs 2 to {MaxValuesPerCategory} values (it has {values.Count}).", $"En kategori skal have 2 til {MaxValuesPerCategory} værdier (nu {values.Count}).");
        }

        var seen = new List<FeatureSchemaValue>();
        for (var i = 0; i < values.Count; i++)
        {
            CheckNewValue(violations, $"values[{i}].", values[i], seen);
            seen.Add(new FeatureSchemaValue { Category = key, Value = values[i].Key.Trim(), Label = values[i].Label.Trim(), LabelEn = values[i].LabelEn.Trim() });
        }

        violations.ThrowIfAny();
        _categories.Add(new FeatureSchemaCategory
        {
            Category = key, Label = label.Trim(), LabelEn = labelEn.Trim(), LivedExperience = livedExperience,
            Position = _categories.Count == 0 ? 0 : _categories.Max(c => c.Position) + 1,
        });
        for (var i = 0; i < seen.Count; i++)
        {
            seen[i].Position = i;
            _values.Add(seen[i]);
        }

        return $"Category '{key}' added with values {string.Join(", ", seen.Select(v => v.Value))}";
    }

    public string AddValue(string category, NewFeatureValueSpec value)
    {
        var owner = Category(category);
        if (owner.RetiredAt is not null)
        {
            throw new FailedPreconditionException($"Category '{owner.Category}' is retired; values cannot be added to it.", $"Kategorien '{owner.Category}' er udgået; der kan ikke tilføjes værdier.");
        }

        var siblings = ValuesOf(owner.Category);
        var violations = new FieldViolations();
        CheckNewValue(violations, "value.", value, siblings);
        if (siblings.Count >= MaxValuesPerCategory)
        {
            violations.Add("value.key", $"Category '{owner.Category}' has the maximum of {MaxValuesPerCategory} values (retired ones count: members keep them).",
                $"Kategorien '{owner.Category}' har allerede det højeste antal værdier ({MaxValuesPerCategory}); udgåede tæller med, for medlemmer beholder dem.");
        }

        violations.ThrowIfAny();
        var added = new FeatureSchemaValue
        {
            Category = owner.Category, Value = value.Key.Trim(), Label = value.Label.Trim(), LabelEn = value.LabelEn.Trim(),
            Position = siblings.Count == 0 ? 0 : siblings.Max(v => v.Position) + 1,
        };
        _values.Add(added);
        return $"Value '{added.Value}' added to category '{owner.Category}'";
    }

    public string UpdateCategory(string category, string label, string labelEn, bool livedExperience)
    {
        var target = Category(category);
        var violations = new FieldViolations();
        CheckLabels(violations, string.Empty, label, labelEn, _categories.Where(c => c != target).Select(c => (c.Label, c.LabelEn)));
        if (livedExperience && LivedExperienceCategory is { } marked && marked != target.Category)
        {
            violations.Add("lived_experience", $"'{marked}' is already the lived-experience category; unmark it first.", $"'{marked}' er allerede kategorien for særlig erfaring; fjern markeringen der først.");
        }

        violations.ThrowIfAny();
        var description = $"Category '{target.Category}' labelled '{label.Trim()}' / '{labelEn.Trim()}' (was '{target.Label}' / '{target.LabelEn}')"
            + (livedExperience == target.LivedExperience ? string.Empty : livedExperience ? ", marked as lived experience" : ", no longer lived experience");
        target.Label = label.Trim();
        target.LabelEn = labelEn.Trim();
        target.LivedExperience = livedExperience;
        return description;
    }

    public string UpdateValue(string category, string value, string label, string labelEn)
    {
        var target = Value(category, value);
        var violations = new FieldViolations();
        CheckLabels(violations, string.Empty, label, labelEn, ValuesOf(target.Category).Where(v => v != target).Select(v => (v.Label, v.LabelEn)));
        violations.ThrowIfAny();
        var description = $"Value '{target.Value}' of '{target.Category}' labelled '{label.Trim()}' / '{labelEn.Trim()}' (was '{target.Label}' / '{target.LabelEn}')";
        target.Label = label.Trim();
        target.LabelEn = labelEn.Trim();
        return description;
    }

    /// <summary>Puts the categories (<paramref name="category"/> empty) or one category's values in the order of <paramref name="keys"/>.</summary>
    public string Reorder(string category, IReadOnlyList<string> keys)
    {
        var trimmed = keys.Select(k => k.Trim()).ToList();
        if (category.Trim().Length == 0)
        {
            var ordered = OrderExactly(trimmed, _categories, c => c.Category, "categories", "kategorierne");
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Position = i;
            }

            return $"Categories ordered {string.Join(", ", trimmed)}";
        }

        var owner = Category(category);
        var values = OrderExactly(trimmed, ValuesOf(owner.Category), v => v.Value, $"the values of '{owner.Category}'", $"værdierne i '{owner.Category}'");
        for (var i = 0; i < values.Count; i++)
        {
            values[i].Position = i;
        }

        return $"Values of '{owner.Category}' ordered {string.Join(", ", trimmed)}";
    }

    /// <summary>Retires a value (or, with <paramref name="value"/> empty, a category): no longer offered at sign-up; nothing is removed.</summary>
    public string Retire(string category, string value, DateTimeOffset now)
    {
        if (value.Trim().Length == 0)
        {
            var target = Category(category);
            if (target.RetiredAt is not null)
            {
                throw new FailedPreconditionException($"Category '{target.Category}' is retired already.", $"Kategorien '{target.Category}' er allerede udgået.");
            }

            target.RetiredAt = now;
            return $"Category '{target.Category}' retired";
        }

        var retiring = Value(category, value);
        if (retiring.RetiredAt is not null)
        {
            throw new FailedPreconditionException($"Value '{retiring.Value}' of '{retiring.Category}' is retired already.", $"Værdien '{retiring.Value}' i '{retiring.Category}' er allerede udgået.");
        }

        if (Category(category).RetiredAt is null && ValuesOf(retiring.Category).Count(v => v.RetiredAt is null) == 1)
        {
            throw new FailedPreconditionException(
                $"'{retiring.Value}' is the last value of '{retiring.Category}' offered at sign-up; retire the category instead, or add a value first.",
                $"'{retiring.Value}' er den sidste værdi i '{retiring.Category}', der tilbydes ved tilmelding; lad hele kategorien udgå, eller tilføj en værdi først.");
        }

        retiring.RetiredAt = now;
        return $"Value '{retiring.Value}' of '{retiring.Category}' retired";
    }

    public FeatureSchemaCategory Category(string category) =>
        _categories.SingleOrDefault(c => c.Category == category.Trim())
        ?? throw new NotFoundException(
            $"The feature schema has no category '{category.Trim()}'. Categories: {string.Join(", ", Categories.Select(c => c.Category))}.",
            $"Skemaet har ingen kategori '{category.Trim()}'. Kategorier: {string.Join(", ", Categories.Select(c => c.Category))}.");

    public FeatureSchemaValue Value(string category, string value)
    {
        var owner = Category(category);
        return _values.SingleOrDefault(v => v.Category == owner.Category && v.Value == value.Trim())
            ?? throw new NotFoundException(
                $"Category '{owner.Category}' has no value '{value.Trim()}'. Values: {string.Join(", ", ValuesOf(owner.Category).Select(v => v.Value))}.",
                $"Kategorien '{owner.Category}' har ingen værdi '{value.Trim()}'. Værdier: {string.Join(", ", ValuesOf(owner.Category).Select(v => v.Value))}.");
    }

    private static List<T> OrderExactly<T>(List<string> keys, IReadOnlyCollection<T> items, Func<T, string> key, string english, string danish)
    {
        var known = items.Select(key).ToList();
        if (keys.Count != known.Count || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count || keys.Any(k => !known.Contains(k, StringComparer.Ordinal)))
        {
            throw new ValidationException("keys",
                $"Name each of {english} exactly once: {string.Join(", ", known)}.",
                $"Angiv hver af {danish} præcis én gang: {string.Join(", ", known)}.");
        }

        return keys.Select(k => items.Single(i => key(i) == k)).ToList();
    }

    private static void CheckNewValue(FieldViolations violations, string prefix, NewFeatureValueSpec value, IReadOnlyList<FeatureSchemaValue> siblings)
    {
        var key = value.Key.Trim();
        CheckKey(violations, prefix + "key", key, "value");
        if (siblings.Any(v => v.Value == key))
        {
            violations.Add(prefix + "key", $"The category already has a value with key '{key}'; keys are never reused.", $"Kategorien har allerede en værdi med nøglen '{key}'; nøgler genbruges aldrig.");
        }

        CheckLabels(violations, prefix, value.Label, value.LabelEn, siblings.Select(v => (v.Label, v.LabelEn)));
    }

    private static void CheckKey(FieldViolations violations, string field, string key, string what)
    {
        if (!Key().IsMatch(key))
        {
            violations.Add(field,
                $"The {what} key must be 1–{MaxKeyLength} characters: lower-case letters a–z, digits, '_', '-' or '+', starting with a letter or digit (e.g. 'age_band', '18-29').",
                $"Nøglen skal være 1–{MaxKeyLength} tegn: små bogstaver a–z, cifre, '_', '-' eller '+', og begynde med et bogstav eller ciffer (fx 'age_band', '18-29').");
        }
    }

    private static void CheckLabels(FieldViolations violations, string prefix, string label, string labelEn, IEnumerable<(string Label, string LabelEn)> others)
    {
        violations.Required(prefix + "label", label, "the Danish label", "den danske betegnelse")
            .MaxLength(prefix + "label", label.Trim(), MaxLabelLength, "the Danish label", "den danske betegnelse")
            .Required(prefix + "label_en", labelEn, "the English label", "den engelske betegnelse")
            .MaxLength(prefix + "label_en", labelEn.Trim(), MaxLabelLength, "the English label", "den engelske betegnelse");
        var taken = others.ToList();
        if (label.Trim().Length > 0 && taken.Any(o => string.Equals(o.Label, label.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add(prefix + "label", $"The label '{label.Trim()}' is already used here; labels must tell the choices apart.", $"Betegnelsen '{label.Trim()}' er allerede brugt her; betegnelserne skal kunne skelnes.");
        }

        if (labelEn.Trim().Length > 0 && taken.Any(o => string.Equals(o.LabelEn, labelEn.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add(prefix + "label_en", $"The English label '{labelEn.Trim()}' is already used here.", $"Den engelske betegnelse '{labelEn.Trim()}' er allerede brugt her.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_+\-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
