using System.Text;
using System.Text.Json;
using Civic.Contracts.Common.V1;
using Civic.Hosting.Paging;
using Civic.Panel.Audit;
using Civic.Panel.Schema;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Pool;

/// <summary>
/// The staff list of members: filtered, ordered by name and id so pages do not shift, and audited — every
/// member on a page is logged as read with the caller's reason before the page is returned.
/// </summary>
public sealed class MemberDirectory(PanelDbContext db, FeatureSchemaEditor schema, AuditLog audit)
{
    private const char LikeEscape = '\\';

    public async Task<Page<PoolMember>> ListAsync(MemberListQuery query, CancellationToken cancellationToken)
    {
        var filter = MemberListRules.Validate(query, (await schema.LoadAsync(cancellationToken)).AllValues);
        var page = PageRequests.Read(new PageRequest { PageSize = query.PageSize, PageToken = query.PageToken }, filter.Scope);
        var members = Filtered(filter);
        var fetched = await members.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Skip(page.Offset).Take(page.FetchCount).ToListAsync(cancellationToken);
        var result = page.ToPage(fetched, await members.CountAsync(cancellationToken));
        foreach (var member in result.Items)
        {
            await audit.ReadAsync(AuditActions.MemberList, "member", member.Id, query.Reason.Trim(), cancellationToken);
        }

        return result;
    }

    private IQueryable<PoolMember> Filtered(MemberListFilter filter)
    {
        var members = WithFeatures(filter.Features).AsNoTracking();
        members = filter.Status is { } status
            ? members.Where(m => m.Status == status)
            : members.Where(m => m.Status != PoolMemberStatus.Withdrawn);
        if (filter.Text.Length > 0)
        {
            var pattern = "%" + EscapeLike(filter.Text.ToLowerInvariant()) + "%";
            // ToLower() here is SQL lower() in the query, not .NET's culture-dependent call the analyzers warn about.
#pragma warning disable CA1304, CA1311, CA1862
            members = members.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, LikeEscape.ToString()) || EF.Functions.Like(m.Email.ToLower(), pattern, LikeEscape.ToString()));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return members;
    }

    // Features are one JSON text column (PoolMemberConfiguration); a value matches on its serialised pair,
    // written exactly as the column writes it, so the same filter works on PostgreSQL and SQLite.
    private IQueryable<PoolMember> WithFeatures(IReadOnlyDictionary<string, string> features)
    {
        if (features.Count == 0)
        {
            return db.PoolMembers;
        }

        var sql = new StringBuilder("SELECT * FROM pool_members WHERE ");
        var patterns = new List<object>();
        foreach (var (category, value) in features.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sql.Append(patterns.Count == 0 ? string.Empty : " AND ").Append("features LIKE {").Append(patterns.Count).Append("} ESCAPE '").Append(LikeEscape).Append('\'');
            patterns.Add("%" + EscapeLike(JsonSerializer.Serialize(category) + ":" + JsonSerializer.Serialize(value)) + "%");
        }

        return db.PoolMembers.FromSqlRaw(sql.ToString(), [.. patterns]);
    }

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape.ToString(), $"{LikeEscape}{LikeEscape}", StringComparison.Ordinal)
            .Replace("%", $"{LikeEscape}%", StringComparison.Ordinal)
            .Replace("_", $"{LikeEscape}_", StringComparison.Ordinal);
}
