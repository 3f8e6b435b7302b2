using Civic.Gateway.Ui.Localization;

namespace Civic.Gateway.Ui.Navigation;

/// <summary>A link in one of the menus.</summary>
public sealed record NavigationLink(string Path, LocalText Label)
{
    /// <summary>True on the linked page itself (marked <c>aria-current="page"</c>).</summary>
    public bool IsCurrent(PathString requestPath)
    {
        var path = requestPath.HasValue ? requestPath.Value!.TrimEnd('/') : string.Empty;
        return string.Equals(path, Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
