using Civic.Contracts.Panel.V1;
using Microsoft.EntityFrameworkCore;

namespace Civic.Panel.Invitations;

/// <summary>What an invited member sees through their link: the invitation always, the case material only once they are bound by the confidentiality terms.</summary>
public sealed class MemberCaseView(PanelDbContext db)
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
        if (invitation.MaySeeCaseMaterial)
        {
            response.CaseMaterial = new CaseMaterial { Title = @case.Title, Summary = @case.Summary, ScopeOfInfluence = @case.ScopeOfInfluence };
        }

        return response;
    }
}
