namespace Civic.Network.Toolbox;

/// <summary>Who an article is written for.</summary>
public enum Audience
{
    Internal,
    Citizens,
    Partners,
}

/// <summary>A co-creation recipe or guide of the toolbox, in Markdown.</summary>
public sealed class ToolboxArticle
{
    public required string Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string BodyMarkdown { get; set; } = string.Empty;

    public List<string> Tags { get; set; } = [];

    public List<Audience> Audiences { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Public: written for citizens or partners, so shown without login.</summary>
    public bool IsPublic => Audiences.Contains(Audience.Citizens) || Audiences.Contains(Audience.Partners);
}

/// <summary>What it takes to add an article.</summary>
public sealed record NewToolboxArticle(string Title, string Summary, string BodyMarkdown, IReadOnlyList<string> Tags, IReadOnlyList<Audience> Audiences);
