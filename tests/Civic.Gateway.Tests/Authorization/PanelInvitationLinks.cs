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
/// make with a valid link, and panel members for feedback: before each run two panels are drawn and invited
/// (as an administrator). In the first, half the members answer nothing and half accept, and its synthesis is
/// final (feedback targets); in the second, everyone accepts and the confidentiality terms, with a session and
/// a synthesis in review. An answer or feedback can be given only once, so those calls take links of their own.
/// </summary>
public static class PanelInvitationLinks
{
    private static readonly ConcurrentQueue<(string Id, string Token)> Pending = new();
    private static readonly ConcurrentQueue<(string Id, string Token)> Accepted = new();
    private static readonly ConcurrentQueue<(string CaseId, string MemberId)> FeedbackTargets = new();

    /// <summary>A member of the second panel (accepted, bound by the terms) and a session of that case.</summary>
    public static (string Id, string Token, string SessionId) Joined { get; private set; }

    public static async Task PrepareAsync(CivicCluster cluster)
    {
        using var channel = GrpcChannel.ForAddress(cluster.Panel.Addresses[0]);
        var headers = new Metadata { { "authorization", $"Bearer {cluster.TokenFor(CivicRoles.Admin)}" } };
        var options = new CallOptions(headers, cancellationToken: TestContext.Current.CancellationToken);
        var key = Convert.FromBase64String(cluster.SigningKey);
        var member = new PanelMemberService.PanelMemberServiceClient(channel);
        var syntheses = new SynthesisService.SynthesisServiceClient(channel);

        var (first, firstSent) = await InvitedPanelAsync(channel, options);
        foreach (var (invitation, index) in firstSent.Select((i, n) => (i, n)))
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
                FeedbackTargets.Enqueue((first, invitation.MemberId));
            }
        }

        await syntheses.SaveSynthesisDraftAsync(new() { CaseId = first, Text = "Rolletestens syntese." }, options);
        await syntheses.OpenSynthesisReviewAsync(new() { CaseId = first, NoteToMembers = "Læs den." }, options);
        await syntheses.FinaliseSynthesisAsync(new() { CaseId = first, ReviewResponse = "Ingen kommentarer." }, options);

        var (second, secondSent) = await InvitedPanelAsync(channel, options);
        var joined = secondSent[0];
        var token = InvitationLinks.TokenFor(key, joined.Id);
        await member.RespondToInvitationAsync(new() { InvitationId = joined.Id, Token = token, Accept = true }, options);
        await member.AcceptConfidentialityAsync(new() { InvitationId = joined.Id, Token = token, TermsVersion = ConfidentialityTermsText.Version }, options);
        var session = await new SessionService.SessionServiceClient(channel).SchedulePanelSessionAsync(new()
        {
            CaseId = second, StartsAt = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(3)), PlaceType = PlaceType.Online, Place = "Online", Agenda = "Rolletest.",
        }, options);
        await syntheses.SaveSynthesisDraftAsync(new() { CaseId = second, Text = "Rolletestens syntese." }, options);
        await syntheses.OpenSynthesisReviewAsync(new() { CaseId = second, NoteToMembers = "Læs den." }, options);
        Joined = (joined.Id, token, session.Session.Id);
    }

    public static (string CaseId, string MemberId) NextFeedbackTarget() =>
        FeedbackTargets.TryDequeue(out var target) ? target : throw new InvalidOperationException("No feedback target left; prepare more.");

    /// <summary>A new case with a drawn and invited panel of 34: half pending, half accepted, one of each per caller and route (8 callers × 2 routes).</summary>
    private static async Task<(string CaseId, IReadOnlyList<Invitation> Invitations)> InvitedPanelAsync(GrpcChannel channel, CallOptions options)
    {
        var caseId = await PanelTestCases.ReadyAsync(channel.CreateCallInvoker(), "Invitationssag", options);
        var draw = await new ConveningService.ConveningServiceClient(channel).ConveneAsync(new() { CaseId = caseId, PanelSize = 34 }, options);
        var sent = await new InvitationService.InvitationServiceClient(channel).SendInvitationsAsync(
            new() { DrawId = draw.Draw.Id, ResponseDeadline = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(7)) }, options);
        return (caseId, sent.Invitations);
    }

    public static (string Id, string Token) NextPending() =>
        Pending.TryDequeue(out var link) ? link : throw new InvalidOperationException("No invitation link left; prepare more.");

    public static (string Id, string Token) NextAccepted() =>
        Accepted.TryDequeue(out var link) ? link : throw new InvalidOperationException("No accepted invitation link left; prepare more.");
}
