using System.Text.Encodings.Web;
using System.Text.Json;
using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civic.Panel.Membership;

/// <summary>A member's own data with their participation history.</summary>
public sealed record MemberOverview(PoolMember Member, IReadOnlyList<ParticipationRecord> Participations);

/// <summary>What a member does through their own link: see, export, withdraw, renew consent. Every read and change is audited.</summary>
public sealed class MemberSelfService(
    PanelDbContext db, MemberLinks links, ParticipationHistory history, MemberErasure erasure, AuditLog audit, IOptions<PoolOptions> options, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<MemberOverview> GetAsync(string memberId, string token, CancellationToken cancellationToken)
    {
        var (member, _) = await links.OpenAsync(memberId, token, MemberLinkPurpose.Member, cancellationToken);
        var participations = await history.OfMemberAsync(member.Id, cancellationToken);
        await audit.ReadAsync(AuditActions.MemberRead, "member", member.Id, "The member looked at their own data", cancellationToken, AuditActors.Member);
        return new MemberOverview(member, participations);
    }

    /// <summary>Everything kept about the member (GDPR art. 15 and 20), as indented JSON.</summary>
    public async Task<(string Json, DateTimeOffset ExportedAt)> ExportAsync(string memberId, string token, CancellationToken cancellationToken)
    {
        var (member, _) = await links.OpenAsync(memberId, token, MemberLinkPurpose.Member, cancellationToken);
        var participations = await history.OfMemberAsync(member.Id, cancellationToken);
        // About the member (their own data) and by the member (e.g. their reads of a case's material, their answers).
        var auditEntries = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == member.Id || e.Actor == member.Id).ToListAsync(cancellationToken);
        var caseWork = await CaseWorkOfAsync(member.Id, participations, cancellationToken);
        var exportedAt = timeProvider.GetStoredUtcNow();
        var export = new
        {
            ExportedAt = exportedAt,
            Member = new
            {
                member.Id, member.Name, member.Email, member.Phone, member.Features, member.Availability, member.Languages,
                Status = member.Status.ToString(), member.CreatedAt, member.ConfirmedAt,
            },
            Consent = new
            {
                TextVersion = member.ConsentTextVersion, Scope = member.ConsentScope, GivenAt = member.ConsentGivenAt, GivenTo = member.ConsentGivenTo,
                ExpiresAt = member.ConsentExpiresAt,
            },
            Participations = participations.Select(p => new { p.CaseId, p.CaseTitle, p.DrawId, p.DrawnAt }),
            CaseWork = caseWork,
            AuditEntries = auditEntries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => new { e.OccurredAt, e.Actor, e.Action, e.SubjectType, e.SubjectId, e.Reason }),
        };
        await audit.ReadAsync(AuditActions.MemberExport, "member", member.Id, "The member exported their data", cancellationToken, AuditActors.Member);
        return (JsonSerializer.Serialize(export, ExportJson), exportedAt);
    }

    /// <summary>
    /// Per case, what the member brought in and was told: their contributions, their comments on the synthesis and the
    /// feedback given to them. Only the member's own items: other members' words on the same case are theirs.
    /// </summary>
    private async Task<IReadOnlyList<object>> CaseWorkOfAsync(string memberId, IReadOnlyList<ParticipationRecord> participations, CancellationToken cancellationToken)
    {
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.MemberId == memberId)
            .Join(db.Sessions.AsNoTracking(), c => c.SessionId, s => s.Id, (c, s) => new { Contribution = c, SessionStartsAt = s.StartsAt })
            .ToListAsync(cancellationToken);
        var comments = await db.SynthesisComments.AsNoTracking().Where(c => c.MemberId == memberId).ToListAsync(cancellationToken);
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.MemberId == memberId).ToListAsync(cancellationToken);
        var caseIds = participations.Select(p => p.CaseId)
            .Concat(contributions.Select(c => c.Contribution.CaseId)).Concat(comments.Select(c => c.CaseId)).Concat(feedback.Select(f => f.CaseId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return caseIds.Select(caseId => (object)new
        {
            CaseId = caseId,
            Contributions = contributions.Where(c => c.Contribution.CaseId == caseId).OrderBy(c => c.Contribution.RecordedAt)
                .Select(c => new { c.Contribution.SessionId, c.SessionStartsAt, c.Contribution.RecordedAt, c.Contribution.Text, c.Contribution.ByMember }),
            SynthesisComments = comments.Where(c => c.CaseId == caseId).OrderBy(c => c.CommentedAt).Select(c => new { c.CommentedAt, c.Text }),
            Feedback = feedback.Where(f => f.CaseId == caseId).Select(f => new { f.GivenAt, f.Text }).SingleOrDefault(),
        }).ToList();
    }

    public async Task<DateTimeOffset> WithdrawAsync(string memberId, string token, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            throw new ValidationException("confirm", "Confirm the withdrawal: your personal data is erased and this cannot be undone.",
                "Bekræft, at du vil melde dig ud: dine personoplysninger slettes, og det kan ikke fortrydes.");
        }

        var (member, _) = await links.OpenAsync(memberId, token, MemberLinkPurpose.Member, cancellationToken);
        await erasure.EraseAsync(member, DepartureReason.Withdrew, AuditActors.Member, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return member.WithdrawnAt!.Value;
    }

    /// <summary>Renews consent to the text in force for another consent period and issues a fresh member link.</summary>
    public async Task<(PoolMember Member, string MemberToken)> RenewConsentAsync(string memberId, string token, bool accepted, string textVersion, CancellationToken cancellationToken)
    {
        if (!accepted || textVersion.Trim() != ConsentText.CurrentVersion)
        {
            throw new ValidationException(accepted ? "consent.text_version" : "consent",
                $"Renew consent by accepting the consent text in force (version {ConsentText.CurrentVersion}).",
                $"Forny samtykket ved at acceptere den gældende samtykketekst (version {ConsentText.CurrentVersion}).");
        }

        var (member, _) = await links.OpenAsync(memberId, token, MemberLinkPurpose.Member, cancellationToken);
        if (member.Status != PoolMemberStatus.Active)
        {
            throw new FailedPreconditionException("Confirm your sign-up first: open the link in the confirmation e-mail.", "Bekræft først din tilmelding: åbn linket i e-mailen.");
        }

        var now = timeProvider.GetStoredUtcNow();
        member.ConsentTextVersion = ConsentText.CurrentVersion;
        member.ConsentScope = ConsentText.Scope;
        member.ConsentGivenAt = now;
        member.ConsentGivenTo = null;
        member.ConsentExpiresAt = now.AddMonths(options.Value.ConsentMonths);
        member.RenewalRequestedAt = null;
        member.InactivityRemindedAt = null;
        var (fresh, _) = await links.IssueAsync(member, MemberLinkPurpose.Member, cancellationToken);
        audit.Changed(AuditActions.MemberRenewConsent, "member", member.Id, "The member renewed consent " + ConsentText.CurrentVersion, AuditActors.Member);
        await db.SaveChangesAsync(cancellationToken);
        return (member, fresh);
    }
}
