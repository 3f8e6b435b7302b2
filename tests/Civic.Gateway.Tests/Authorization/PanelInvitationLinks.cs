using System.Collections.Concurrent;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Auth;
using Civic.Gateway.Tests.Infrastructure;
using Civic.Panel.Invitations;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Civic.Gateway.Tests.Authorization;

/// <summary>
/// Invitation links for the role matrix's calls of civic.panel.v1.PanelMemberService, which any caller may
/// make with a valid link: a fresh panel is drawn and invited (as an administrator) before each run, and each
/// call takes links of its own, since an answer can be given only once.
/// </summary>
public static class PanelInvitationLinks
{
    private static readonly ConcurrentQueue<(string Id, string Token)> Pending = new();
    private static readonly ConcurrentQueue<(string Id, string Token)> Accepted = new();

    /// <summary>Draws and invites a panel of 30 for a new case, and accepts half of the invitations.</summary>
    public static async Task PrepareAsync(CivicCluster cluster)
    {
        using var channel = GrpcChannel.ForAddress(cluster.Panel.Addresses[0]);
        var headers = new Metadata { { "authorization", $"Bearer {cluster.TokenFor(CivicRoles.Admin)}" } };
        var options = new CallOptions(headers, cancellationToken: TestContext.Current.CancellationToken);
        var cases = new CaseService.CaseServiceClient(channel);
        var created = await cases.CreateCaseAsync(new() { Title = "Invitationssag", Summary = "En pseudonymiseret sag til rolletesten.", OwningDepartment = CivicCluster.StaffDepartment }, options);
        await cases.SetScopeOfInfluenceAsync(new() { Id = created.Case.Id, ScopeOfInfluence = "Panelet høres." }, options);
        var draw = await new ConveningService.ConveningServiceClient(channel).ConveneAsync(new() { CaseId = created.Case.Id, PanelSize = 30 }, options);
        var sent = await new InvitationService.InvitationServiceClient(channel).SendInvitationsAsync(
            new() { DrawId = draw.Draw.Id, ResponseDeadline = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(7)) }, options);
        var key = Convert.FromBase64String(cluster.SigningKey);
        var member = new PanelMemberService.PanelMemberServiceClient(channel);
        foreach (var (invitation, index) in sent.Invitations.Select((i, n) => (i, n)))
        {
            var link = (invitation.Id, InvitationLinks.TokenFor(key, invitation.Id));
            if (index % 2 == 0)
            {
                Pending.Enqueue(link);
            }
            else
            {
                await member.RespondToInvitationAsync(new() { InvitationId = link.Id, Token = link.Item2, Accept = true }, options);
                Accepted.Enqueue(link);
            }
        }
    }

    public static (string Id, string Token) NextPending() =>
        Pending.TryDequeue(out var link) ? link : throw new InvalidOperationException("No invitation link left; prepare more.");

    public static (string Id, string Token) NextAccepted() =>
        Accepted.TryDequeue(out var link) ? link : throw new InvalidOperationException("No accepted invitation link left; prepare more.");
}
