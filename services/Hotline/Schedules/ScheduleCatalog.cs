using System.Security.Claims;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Hotline.Departments;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Schedules;

/// <summary>Adds and lists schedule rules, and lists the sessions they give.</summary>
public sealed class ScheduleCatalog(HotlineDbContext db, DepartmentDirectory departments, ScheduleRuleEditor editor, TimeProvider timeProvider)
{
    public const int DefaultSessions = 6;
    public const int MaxSessions = 24;

    /// <summary>
    /// Adds a rule, recorded as created by <paramref name="caller"/>; it may not overlap the department's rules that are
    /// not retired. <paramref name="id"/>: a fixed id (the demo data's); a new one when null.
    /// </summary>
    public async Task<ScheduleRule> CreateRuleAsync(ClaimsPrincipal caller, NewScheduleRule request, CancellationToken cancellationToken, string? id = null)
    {
        await departments.GetAsync(request.DepartmentId, cancellationToken);
        var existing = (await RulesOfAsync(request.DepartmentId, cancellationToken)).Where(r => r.RetiredAt is null).ToList();
        var now = timeProvider.GetStoredUtcNow();
        var rule = ScheduleRules.Validate(request, existing, id ?? Guid.CreateVersion7(now).ToString(), now);
        db.ScheduleRules.Add(rule);
        editor.RecordCreated(caller, rule);
        await db.SaveChangesAsync(cancellationToken);
        return rule;
    }

    public async Task<IReadOnlyList<ScheduleRule>> ListRulesAsync(string departmentId, CancellationToken cancellationToken)
    {
        await departments.GetAsync(departmentId, cancellationToken);
        return await RulesOfAsync(departmentId, cancellationToken);
    }

    /// <summary>The department's sessions that have not ended, soonest first, with their slots.</summary>
    public async Task<IReadOnlyList<Session>> ListSessionsAsync(string departmentId, int maxSessions, CancellationToken cancellationToken)
    {
        if (maxSessions is < 0 or > MaxSessions)
        {
            throw new ValidationException("max_sessions", $"Ask for 1-{MaxSessions} sessions (0 means {DefaultSessions}).", $"Bed om 1-{MaxSessions} telefontider (0 betyder {DefaultSessions}).");
        }

        await departments.GetAsync(departmentId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.DepartmentId == departmentId && s.EndsAt > now && s.ReplacedAt == null)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Take(maxSessions == 0 ? DefaultSessions : maxSessions)
            .Include(s => s.Slots)
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Slots.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        }

        return sessions;
    }

    private async Task<List<ScheduleRule>> RulesOfAsync(string departmentId, CancellationToken cancellationToken) =>
        await db.ScheduleRules.AsNoTracking()
            .Where(r => r.DepartmentId == departmentId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
}
