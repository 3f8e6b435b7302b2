using System.Globalization;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// A case's work after convening, for coordinators: plan sessions and note contributions, draft the
/// synthesis and take it through the members' review, give every member feedback, and evaluate.
/// </summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class CaseWorkModel(
    PageServiceCalls calls,
    CaseService.CaseServiceClient cases,
    InvitationService.InvitationServiceClient invitations,
    SessionService.SessionServiceClient sessions,
    SynthesisService.SynthesisServiceClient syntheses,
    FeedbackService.FeedbackServiceClient feedback,
    EvaluationService.EvaluationServiceClient evaluations,
    TimeProvider timeProvider) : PageModel
{
    public const string SessionFormId = "session-agenda";
    public const string SynthesisFormId = "synthesis-text";
    public const string EvaluationFormId = "evaluation-form";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public Case? Case { get; private set; }

    public IReadOnlyList<PanelSession>? Sessions { get; private set; }

    public IReadOnlyList<string> Members { get; private set; } = [];

    public Synthesis? Synthesis { get; private set; }

    public ListFeedbackResponse? Feedback { get; private set; }

    public Evaluation? Evaluation { get; private set; }

    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? StartsAt { get; set; }

    [BindProperty]
    public PlaceType PlaceType { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Agenda { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? MemberId { get; set; }

    [BindProperty]
    public string? SessionId { get; set; }

    [BindProperty]
    public GoalFulfilment GoalFulfilment { get; set; }

    [BindProperty]
    public string? GoalAssessment { get; set; }

    [BindProperty]
    public string? Involvement { get; set; }

    [BindProperty]
    public string? Process { get; set; }

    [BindProperty]
    public string? Learning { get; set; }

    public static string ContributionFormId(string sessionId) => $"contribution-{sessionId}";

    public static string FeedbackFormId(string memberId) => $"feedback-{memberId}";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await LoadAsync(id);
        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(string id)
    {
        if (!DateTime.TryParseExact(StartsAt, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            Errors.Add(SessionFormId, CaseWorkText.BadTime.Current);
            return await ReloadAsync(id);
        }

        var startsAt = new DateTimeOffset(local, Zone.GetUtcOffset(local));
        return await ChangeAsync(id, SessionFormId, options => sessions.SchedulePanelSessionAsync(new SchedulePanelSessionRequest
        {
            CaseId = id, StartsAt = Timestamp.FromDateTimeOffset(startsAt), PlaceType = PlaceType, Place = Place ?? "", Agenda = Agenda ?? "",
        }, options).ResponseAsync);
    }

    public Task<IActionResult> OnPostContributionAsync(string id) =>
        ChangeAsync(id, ContributionFormId(SessionId ?? ""), options => sessions.RecordContributionAsync(
            new RecordContributionRequest { SessionId = SessionId ?? "", MemberId = MemberId ?? "", Text = Text ?? "" }, options).ResponseAsync);

    public Task<IActionResult> OnPostDraftAsync(string id) =>
        ChangeAsync(id, SynthesisFormId, options => syntheses.SaveSynthesisDraftAsync(new SaveSynthesisDraftRequest { CaseId = id, Text = Text ?? "" }, options).ResponseAsync);

    public Task<IActionResult> OnPostReviewAsync(string id) =>
        ChangeAsync(id, SynthesisFormId, options => syntheses.OpenSynthesisReviewAsync(new OpenSynthesisReviewRequest { CaseId = id, NoteToMembers = Text ?? "" }, options).ResponseAsync);

    public Task<IActionResult> OnPostFinaliseAsync(string id) =>
        ChangeAsync(id, SynthesisFormId, options => syntheses.FinaliseSynthesisAsync(new FinaliseSynthesisRequest { CaseId = id, ReviewResponse = Text ?? "" }, options).ResponseAsync);

    public Task<IActionResult> OnPostFeedbackAsync(string id) =>
        ChangeAsync(id, FeedbackFormId(MemberId ?? ""), options => feedback.GiveFeedbackAsync(
            new GiveFeedbackRequest { CaseId = id, MemberId = MemberId ?? "", Text = Text ?? "" }, options).ResponseAsync);

    public Task<IActionResult> OnPostEvaluationAsync(string id) =>
        ChangeAsync(id, EvaluationFormId, options => evaluations.RecordEvaluationAsync(new RecordEvaluationRequest
        {
            CaseId = id, GoalFulfilment = GoalFulfilment, GoalAssessment = GoalAssessment ?? "", Involvement = Involvement ?? "", Process = Process ?? "", Learning = Learning ?? "",
        }, options).ResponseAsync);

    public static string When(Timestamp instant) => HotlineTimes.Day(instant) + " " + HotlineTimes.Clock(instant);

    private async Task<IActionResult> ChangeAsync<T>(string id, string formId, Func<CallOptions, Task<T>> call)
    {
        try
        {
            await call(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted));
            return Redirect($"/borgerpanelet/sager/{Uri.EscapeDataString(id)}/arbejde#{formId}");
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception) || exception.StatusCode is Grpc.Core.StatusCode.PermissionDenied or Grpc.Core.StatusCode.AlreadyExists)
        {
            // Every message of a refusal belongs to the form that was sent.
            var errors = new FormErrors();
            RpcFormErrors.AddTo(errors, exception, new Dictionary<string, string>(), formId);
            foreach (var error in errors.All)
            {
                Errors.Add(formId, error.Message);
            }
        }

        return await ReloadAsync(id);
    }

    private async Task<IActionResult> ReloadAsync(string id)
    {
        await LoadAsync(id);
        return Case is null ? NotFound() : Page();
    }

    private async Task LoadAsync(string id)
    {
        Case = (await calls.CallAsync(HttpContext, nameof(cases.GetCase), options => cases.GetCaseAsync(new GetCaseRequest { Id = id }, options)))?.Case;
        if (Case is null)
        {
            return;
        }

        Sessions = (await calls.CallAsync(HttpContext, nameof(sessions.ListPanelSessions), options => sessions.ListPanelSessionsAsync(new ListPanelSessionsRequest { CaseId = id }, options)))?.Sessions;
        Members = (await calls.CallAsync(HttpContext, nameof(invitations.ListInvitations), options => invitations.ListInvitationsAsync(new ListInvitationsRequest { CaseId = id }, options)))?
            .Invitations.Where(i => i.Status == InvitationStatus.Accepted).Select(i => i.MemberId).Order(StringComparer.Ordinal).ToList() ?? [];
        Synthesis = (await calls.CallAsync(HttpContext, nameof(syntheses.GetSynthesis), options => syntheses.GetSynthesisAsync(new GetSynthesisRequest { CaseId = id }, options)))?.Synthesis;
        Feedback = await calls.CallAsync(HttpContext, nameof(feedback.ListFeedback), options => feedback.ListFeedbackAsync(new ListFeedbackRequest { CaseId = id }, options));
        Evaluation = (await calls.CallAsync(HttpContext, nameof(evaluations.GetEvaluation), options => evaluations.GetEvaluationAsync(new GetEvaluationRequest { CaseId = id }, options)))?.Evaluation;
    }
}
