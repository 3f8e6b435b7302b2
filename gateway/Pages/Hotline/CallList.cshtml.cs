using System.Globalization;
using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Hotline;

/// <summary>A director's call list for a day: each call with the citizen's needs, a form for its outcome and one for an idea.</summary>
[RoleAreaPage(RoleAreaId.CallList)]
public sealed class CallListModel(
    PageServiceCalls calls,
    CallService.CallServiceClient callService,
    IdeaService.IdeaServiceClient ideas,
    ScheduleService.ScheduleServiceClient schedules,
    DepartmentLookup departments,
    TimeProvider timeProvider) : PageModel
{
    [BindProperty]
    public string? SessionId { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    /// <summary>The director's department's coming sessions, which they can cancel; null for a caller without a department.</summary>
    public IReadOnlyList<Session>? ComingSessions { get; private set; }

    public static string SessionFieldId(string sessionId) => $"cancel-reason-{sessionId}";

    [BindProperty(SupportsGet = true, Name = "dato")]
    public string? Date { get; set; }

    [BindProperty]
    public string Reference { get; set; } = string.Empty;

    [BindProperty]
    public CallResult Result { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? FollowUps { get; set; }

    [BindProperty]
    public ReferralKind Referral { get; set; } = ReferralKind.None;

    [BindProperty]
    public bool EscalateToPanel { get; set; }

    [BindProperty]
    public string? IdeaTitle { get; set; }

    [BindProperty]
    public string? IdeaDescription { get; set; }

    [BindProperty(SupportsGet = true, Name = "besked")]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The day's calls; null when the Hotline service could not be reached.</summary>
    public ListCallsResponse? List { get; private set; }

    public DateOnly Day { get; private set; }

    public static string FieldId(string reference, string field) => $"{field}-{reference}";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostOutcomeAsync() =>
        await ChangeAsync("outcome", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["result"] = FieldId(Reference, "result"), ["summary"] = FieldId(Reference, "summary"), ["follow_ups"] = FieldId(Reference, "follow-ups"),
        }, options => callService.RecordCallOutcomeAsync(new RecordCallOutcomeRequest
        {
            Reference = Reference, Result = Result, Summary = Summary ?? string.Empty, FollowUps = FollowUps ?? string.Empty,
            Referral = Referral, EscalateToPanel = EscalateToPanel,
        }, options).ResponseAsync);

    public async Task<IActionResult> OnPostIdeaAsync() =>
        await ChangeAsync("idea", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = FieldId(Reference, "idea-title"), ["description"] = FieldId(Reference, "idea-description"),
        }, options => ideas.RegisterIdeaAsync(new RegisterIdeaRequest
        {
            BookingReference = Reference, Title = IdeaTitle ?? string.Empty, Description = IdeaDescription ?? string.Empty,
        }, options).ResponseAsync);

    /// <summary>The director cancels a coming session (e.g. ill): every booked citizen is told and may rebook with priority.</summary>
    public async Task<IActionResult> OnPostCancelSessionAsync()
    {
        var sessionId = SessionId ?? string.Empty;
        try
        {
            await schedules.CancelSessionAsync(new CancelSessionRequest { SessionId = sessionId, Reason = CancelReason ?? string.Empty },
                deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);
            return Redirect("/direktoerlinjen/opkaldsliste?besked=session#coming-sessions");
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception) || exception.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            RpcFormErrors.AddTo(Errors, exception, new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = SessionFieldId(sessionId) }, SessionFieldId(sessionId));
        }
        catch (RpcException)
        {
            Errors.Add(SessionFieldId(sessionId), HotlineText.BookingUnavailable.Current);
        }

        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> ChangeAsync<T>(string notice, Dictionary<string, string> fieldIds, Func<CallOptions, Task<T>> call)
    {
        try
        {
            await call(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted));
            return Redirect($"/direktoerlinjen/opkaldsliste?dato={Uri.EscapeDataString(Date ?? string.Empty)}&besked={notice}#call-{Uri.EscapeDataString(Reference)}");
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception) || exception.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            RpcFormErrors.AddTo(Errors, exception, fieldIds, FieldId(Reference, "call"));
        }
        catch (RpcException)
        {
            Errors.Add(FieldId(Reference, "call"), HotlineText.BookingUnavailable.Current);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Notice = Notice is "outcome" or "idea" or "session" ? Notice : null;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);
        Day = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) ? chosen : today;
        var request = new ListCallsRequest { Date = new LocalDate { Year = Day.Year, Month = Day.Month, Day = Day.Day } };
        List = await calls.CallAsync(HttpContext, nameof(callService.ListCalls), options => callService.ListCallsAsync(request, options));
        var code = Civic.Defaults.Auth.CallerExtensions.Department(User);
        if (code is not null && (await departments.ListAsync(HttpContext))?.FirstOrDefault(d => d.Code == code) is { } own)
        {
            var sessions = await calls.CallAsync(HttpContext, nameof(schedules.ListSessions),
                options => schedules.ListSessionsAsync(new ListSessionsRequest { DepartmentId = own.Id, MaxSessions = 3 }, options));
            ComingSessions = sessions?.Sessions.Where(s => s.StartsAt.ToDateTimeOffset() > timeProvider.GetUtcNow()).ToList();
        }
    }
}
