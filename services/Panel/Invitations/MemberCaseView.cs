using Civic.Contracts.Panel.V1;
using Civic.Panel.Audit;
using Civic.Panel.Feedback;
using Civic.Panel.Sessions;
using Civic.Panel.Synthesis;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Invitations;

/// <summary>
/// What an invited member sees through their link: the invitation always; the case material, the sessions
/// with their own contributions, the synthesis in review or final with their own comments, and their
/// feedback only once they are bound by the confidentiality terms. Every showing of the case material is audited.
/// </summary>
public sealed class MemberCaseView(PanelDbContext db, SessionDesk sessions, SynthesisDesk syntheses, FeedbackDesk feedback, AuditLog audit)
{
    public async Task<GetMemberViewResponse> GetAsync(PanelInvitation invitation, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == invitation.CaseId, cancellationToken);
        var response = new GetMemberViewResponse
        {
            Invitation = InvitationMapping.ToMessage(invitation),
            OwningDepartment = @case.OwningDepartment,
            ConfidentialityTerms = new() { Version = ConfidentialityTermsText.Version, TextDa = ConfidentialityTermsText.Danish, TextEn = ConfidentialityTermsText.English },
        };
        if (!invitation.MaySeeCaseMaterial)
        {
            return response;
        }

        response.CaseMaterial = new CaseMaterial
        {
            Title = @case.Title, Summary = @case.Summary, ScopeOfInfluence = @case.ScopeOfInfluence, Purpose = @case.Purpose,
            CoordinatorName = @case.CoordinatorName,
        };
        response.CaseMaterial.PanelQuestions.AddRange(@case.PanelQuestions);
        response.Sessions.AddRange((await sessions.ListForCaseAsync(@case.Id, invitation.MemberId, cancellationToken))
            .Select(s => SessionMapping.ToMessage(s.Session, s.Contributions)));
        if (await syntheses.ForMemberAsync(invitation, cancellationToken) is { } synthesis)
        {
            response.Synthesis = SynthesisMapping.ToMessage(synthesis, @case.Id);
        }

        if (await feedback.ForMemberAsync(invitation, cancellationToken) is { } given)
        {
            response.Feedback = FeedbackGrpcService.ToMessage(new FeedbackLine(given.MemberId, given, null));
        }

        // Written last, so a view that failed on the way leaves no entry; the actor is the member's id, since the
        // case, not the member, is the subject here (a member's read of their own data names them as the subject).
        await audit.ReadAsync(AuditActions.CaseMaterialRead, "case", @case.Id, "A panel member read the case material", cancellationToken, invitation.MemberId);
        return response;
    }
}
