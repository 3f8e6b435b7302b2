using Civic.Hosting.Errors;
using Civic.Hosting.Storage;
using Civic.Panel.Audit;
using Civic.Panel.Cases;
using Civic.Panel.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Sessions;

/// <summary>What a coordinator asks for when planning a session.</summary>
public sealed record NewSession(string CaseId, DateTimeOffset? StartsAt, PlaceType? PlaceType, string Place, string Agenda);

/// <summary>Plans a panel's sessions and records contributions, all with the same weight; each change is audited (never the contribution's text).</summary>
public sealed class SessionDesk(PanelDbContext db, CaseRegistry cases, CasePanel panel, AuditLog audit, TimeProvider timeProvider)
{
    public const int MaxTextLength = 4000;

    public async Task<PanelSession> ScheduleAsync(NewSession request, CaseScope scope, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations()
            .Required("place", request.Place, "the place (an address or a meeting link)", "stedet (en adresse eller et mødelink)")
            .MaxLength("place", request.Place.Trim(), 500, "the place", "stedet")
            .Required("agenda", request.Agenda, "the agenda", "dagsordenen")
            .MaxLength("agenda", request.Agenda.Trim(), MaxTextLength, "the agenda", "dagsordenen");
        if (request.StartsAt is null)
        {
            violations.Add("starts_at", "Give the time the session starts.", "Angiv, hvornår mødet begynder.");
        }

        if (request.PlaceType is null)
        {
            violations.Add("place_type", "Choose where the session is held: at home, a culture house, online or a neutral place.",
                "Vælg, hvor mødet holdes: hjemme, i et kulturhus, online eller et neutralt sted.");
        }

        violations.ThrowIfAny();
        var @case = await cases.GetAsync(request.CaseId, scope, cancellationToken);
        EnsureOpen(@case);
        var session = new PanelSession
        {
            Id = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString(),
            CaseId = @case.Id,
            StartsAt = request.StartsAt!.Value,
            PlaceType = request.PlaceType!.Value,
            Place = request.Place.Trim(),
            Agenda = request.Agenda.Trim(),
        };
        db.Sessions.Add(session);
        audit.Changed(AuditActions.CaseSession, "case", @case.Id, $"Session {session.Id} scheduled for {session.StartsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({session.PlaceType})");
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task<IReadOnlyList<(PanelSession Session, IReadOnlyList<Contribution> Contributions)>> ListAsync(string caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caseId, scope, cancellationToken);
        return await ListForCaseAsync(@case.Id, memberId: null, cancellationToken);
    }

    /// <summary>The sessions of a case, with every contribution or only those of <paramref name="memberId"/>.</summary>
    public async Task<IReadOnlyList<(PanelSession Session, IReadOnlyList<Contribution> Contributions)>> ListForCaseAsync(string caseId, string? memberId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken);
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.CaseId == caseId && (memberId == null || c.MemberId == memberId)).ToListAsync(cancellationToken);
        return sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => (s, (IReadOnlyList<Contribution>)contributions.Where(c => c.SessionId == s.Id).OrderBy(c => c.RecordedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>A contribution a coordinator records for a member (said at a session at home, in a culture house …).</summary>
    public async Task<Contribution> RecordAsync(string sessionId, string memberId, string text, string recordedBy, CaseScope scope, CancellationToken cancellationToken)
    {
        ValidateText(text);
        new FieldViolations().Required("member_id", memberId, "the member's id", "medlemmets id").ThrowIfAny();
        var session = await FindSessionAsync(sessionId, cancellationToken);
        var @case = await cases.GetAsync(session.CaseId, scope, cancellationToken);
        EnsureOpen(@case);
        await panel.DemandMemberAsync(@case.Id, memberId.Trim(), cancellationToken);
        return await AddAsync(session, memberId.Trim(), text, byMember: false, recordedBy, cancellationToken);
    }

    /// <summary>A contribution the member writes through their link; the link already proved who they are.</summary>
    public async Task<Contribution> AddByMemberAsync(PanelInvitation member, string sessionId, string text, CancellationToken cancellationToken)
    {
        InvitationRules.EnsureMaySeeCaseMaterial(member);
        ValidateText(text);
        var session = await FindSessionAsync(sessionId, cancellationToken);
        if (session.CaseId != member.CaseId)
        {
            throw UnknownSession(sessionId);
        }

        EnsureOpen(await db.Cases.AsNoTracking().SingleAsync(c => c.Id == session.CaseId, cancellationToken));
        return await AddAsync(session, member.MemberId, text, byMember: true, null, cancellationToken);
    }

    private async Task<Contribution> AddAsync(PanelSession session, string memberId, string text, bool byMember, string? recordedBy, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetStoredUtcNow();
        var contribution = new Contribution
        {
            Id = Guid.CreateVersion7(now).ToString(),
            SessionId = session.Id,
            CaseId = session.CaseId,
            MemberId = memberId,
            Text = text.Trim(),
            RecordedAt = now,
            ByMember = byMember,
            RecordedBy = recordedBy,
        };
        db.Contributions.Add(contribution);
        audit.Changed(AuditActions.CaseContribution, "case", session.CaseId,
            $"Contribution {contribution.Id} {(byMember ? "written by" : "recorded for")} member {memberId} in session {session.Id}", byMember ? memberId : null);
        await db.SaveChangesAsync(cancellationToken);
        return contribution;
    }

    private static void ValidateText(string text) =>
        new FieldViolations()
            .Required("text", text, "the contribution", "bidraget")
            .MaxLength("text", text.Trim(), MaxTextLength, "the contribution", "bidraget")
            .ThrowIfAny();

    private async Task<PanelSession> FindSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        new FieldViolations().Required("session_id", sessionId, "the session id", "mødets id").ThrowIfAny();
        return await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) ?? throw UnknownSession(sessionId);
    }

    private static NotFoundException UnknownSession(string sessionId) => new(
        $"No session of this case has id '{sessionId}'. List the case's sessions to find the right one.",
        $"Sagen har intet møde med id '{sessionId}'. Se sagens møder for at finde det rigtige.");

    private static void EnsureOpen(Case @case)
    {
        if (@case.Phase == CasePhase.Closed)
        {
            throw new FailedPreconditionException("The case is closed; its panel meets no more.", "Sagen er afsluttet; dens panel mødes ikke længere.");
        }
    }
}
