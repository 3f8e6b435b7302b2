using Civic.Defaults.Auth;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Audit;

/// <summary>The actors that are not an employee's id.</summary>
public static class AuditActors
{
    /// <summary>A member through their own link.</summary>
    public const string Member = "member";

    public const string Anonymous = "anonymous";

    /// <summary>A scheduled job.</summary>
    public const string System = "system";
}

/// <summary>
/// Writes the audit log. A change's entry joins the caller's unit of work, so it is saved in the same
/// transaction as the change (<see cref="Changed"/>). A read's entry is written at once, before the data
/// is returned, with its own statement that leaves the caller's pending changes alone (<see cref="ReadAsync"/>).
/// The actor is the signed-in caller's id, "anonymous" for a call without a token, "system" outside a call,
/// unless the caller names it: "member" for a member about their own data, a panel member's id about a case.
/// </summary>
public sealed class AuditLog(PanelDbContext db, TimeProvider timeProvider, IHttpContextAccessor http)
{
    /// <summary>Who is calling now.</summary>
    public string CurrentActor =>
        http.HttpContext is not { } context ? AuditActors.System
        : context.User.FindFirst(CivicClaims.Subject)?.Value is { Length: > 0 } subject ? subject
        : AuditActors.Anonymous;

    /// <summary>Records a change; saved by the caller's next SaveChanges, together with the change.</summary>
    public void Changed(string action, string subjectType, string subjectId, string reason, string? actor = null) =>
        db.AuditEntries.Add(New(action, subjectType, subjectId, reason, actor));

    /// <summary>Records a read now.</summary>
    public async Task ReadAsync(string action, string subjectType, string subjectId, string reason, CancellationToken cancellationToken, string? actor = null)
    {
        var entry = New(action, subjectType, subjectId, reason, actor);
        object occurredAt = db.Database.IsSqlite() ? entry.OccurredAt.ToUnixTimeMilliseconds() : entry.OccurredAt;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO audit_entries (id, occurred_at, actor, action, subject_type, subject_id, reason) VALUES ({entry.Id}, {occurredAt}, {entry.Actor}, {entry.Action}, {entry.SubjectType}, {entry.SubjectId}, {entry.Reason})",
            cancellationToken);
    }

    private AuditEntry New(string action, string subjectType, string subjectId, string reason, string? actor)
    {
        var now = timeProvider.GetStoredUtcNow();
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now).ToString(),
            OccurredAt = now,
            Actor = actor ?? CurrentActor,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Reason = reason,
        };
    }
}
