using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Civic.Network.ResourcePersons;
using Civic.Network.Search;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Toolbox;

/// <summary>
/// Adds, finds and searches toolbox articles. Search stems the query and the articles with the
/// Snowball Danish stemmer and ranks in memory (title over tags over text): the toolbox holds
/// tens to hundreds of articles, so both databases answer the same way without a full-text index.
/// </summary>
public sealed class ToolboxLibrary(NetworkDbContext db, TimeProvider timeProvider)
{
    public async Task<ToolboxArticle> CreateAsync(NewToolboxArticle request, CancellationToken cancellationToken)
    {
        var valid = ToolboxRules.Validate(request);
        var slug = ToolboxRules.Slug(valid.Title);
        if (await db.ToolboxArticles.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            throw new AlreadyExistsException(
                $"An article with the address '{slug}' exists already. Give the article another title.",
                $"Der findes allerede en artikel med adressen '{slug}'. Giv artiklen en anden titel.");
        }

        var now = timeProvider.GetStoredUtcNow();
        var article = new ToolboxArticle
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Slug = slug,
            Title = valid.Title,
            Summary = valid.Summary,
            BodyMarkdown = valid.BodyMarkdown,
            Tags = [.. valid.Tags],
            Audiences = [.. valid.Audiences],
            CreatedAt = now,
        };
        db.ToolboxArticles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return article;
    }

    /// <summary>One article; internal ones do not exist for people outside the municipality.</summary>
    public async Task<ToolboxArticle> GetAsync(string slug, bool includeInternal, CancellationToken cancellationToken)
    {
        var article = await db.ToolboxArticles.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        return article is not null && (includeInternal || article.IsPublic)
            ? article
            : throw new NotFoundException($"No toolbox article has the address '{slug}'.", $"Der findes ingen artikel i værktøjskassen med adressen '{slug}'.");
    }

    public async Task<Page<ToolboxArticle>> ListAsync(string? query, string? tag, bool includeInternal, PageQuery page, CancellationToken cancellationToken)
    {
        var stems = ResourcePersonRules.QueryWords(query).Where(w => !DanishText.IsStopWord(w)).Select(DanishText.Stem).ToList();
        var articles = (await db.ToolboxArticles.AsNoTracking().ToListAsync(cancellationToken))
            .Where(a => includeInternal || a.IsPublic)
            .Where(a => string.IsNullOrWhiteSpace(tag) || a.Tags.Contains(tag.Trim().ToLowerInvariant()))
            .ToList();
        var byTitle = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true);
        var ranked = string.IsNullOrWhiteSpace(query)
            ? articles.OrderBy(a => a.Title, byTitle).ToList()
            : articles.Select(a => (Article: a, Score: Score(a, stems))).Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Article.Title, byTitle).Select(s => s.Article).ToList();
        return page.ToPage(ranked.Skip(page.Offset).Take(page.FetchCount).ToList(), ranked.Count);
    }

    private static int Score(ToolboxArticle article, List<string> stems)
    {
        int Count(string text) => DanishText.Stems(text).Count(word => stems.Any(stem => word.StartsWith(stem, StringComparison.Ordinal)));
        return (3 * Count(article.Title)) + (2 * Count(string.Join(' ', article.Tags))) + Count(article.Summary) + Count(article.BodyMarkdown);
    }
}
