using System.Globalization;
using System.Text;
using Civic.Hosting.Errors;

namespace Civic.Network.Toolbox;

/// <summary>What a valid article looks like, and the slug its title gives.</summary>
public static class ToolboxRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int MaxBodyLength = 50_000;
    public const int MaxTags = 10;
    public const int MaxTagLength = 50;

    public static NewToolboxArticle Validate(NewToolboxArticle article)
    {
        var violations = new FieldViolations()
            .Required("title", article.Title, "the title", "titlen")
            .MaxLength("title", article.Title.Trim(), MaxTitleLength, "the title", "titlen")
            .MaxLength("summary", article.Summary.Trim(), MaxSummaryLength, "the summary", "resuméet")
            .Required("body_markdown", article.BodyMarkdown, "the text", "teksten")
            .MaxLength("body_markdown", article.BodyMarkdown, MaxBodyLength, "the text", "teksten");
        if (article.Tags.Count > MaxTags)
        {
            violations.Add("tags", $"At most {MaxTags} tags.", $"Højst {MaxTags} emneord.");
        }

        for (var i = 0; i < article.Tags.Count && i < MaxTags; i++)
        {
            violations.MaxLength($"tags[{i}]", article.Tags[i].Trim(), MaxTagLength, "each tag", "hvert emneord");
        }

        if (article.Audiences.Count == 0)
        {
            violations.Add("audiences", "Choose at least one audience: AUDIENCE_INTERNAL, AUDIENCE_CITIZENS or AUDIENCE_PARTNERS.",
                "Vælg mindst én målgruppe: AUDIENCE_INTERNAL, AUDIENCE_CITIZENS eller AUDIENCE_PARTNERS.");
        }

        violations.ThrowIfAny();
        return article with
        {
            Title = article.Title.Trim(),
            Summary = article.Summary.Trim(),
            Tags = article.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Audiences = article.Audiences.Distinct().Order().ToList(),
        };
    }

    /// <summary>"Borgermøde på en aften" → "borgermoede-paa-en-aften": lower-case ASCII letters, digits and dashes.</summary>
    public static string Slug(string title)
    {
        var text = title.ToLowerInvariant().Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "artikel" : result[..Math.Min(result.Length, 80)].TrimEnd('-');
    }
}
