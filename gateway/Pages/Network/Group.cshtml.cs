using System.Text;
using Civic.Contracts.Network.V1;
using Civic.Defaults.Auth;
using Civic.Gateway.Ui.Localization;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>
/// One network group: its members, its coming meetings (each as an .ics download), its notice board and a form to
/// post; coordinators also schedule meetings here. Plain forms and links, so it works without JavaScript.
/// </summary>
[RoleAreaPage(RoleAreaId.NetworkRequests, RoleAreaId.NetworkPartner)]
public sealed class GroupModel(NetworkFormCalls formCalls, NetworkGroupService.NetworkGroupServiceClient groups) : PageModel
{
    public const string NoticeId = "notice";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Notice { get; set; }

    [TempData]
    public bool JustPosted { get; set; }

    [BindProperty]
    public GroupMeetingForm Meeting { get; set; } = new();

    [TempData]
    public bool JustScheduled { get; set; }

    /// <summary>Coordinators and administrators schedule meetings (the service's rule; the form is only shown to them).</summary>
    public bool CanSchedule => User.IsInRole(CivicRoles.Coordinator) || User.IsInRole(CivicRoles.Admin);

    public NetworkGroup? Group { get; private set; }

    public string? LoadError { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Group is null && LoadError is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(groups.PostNotice),
            options => groups.PostNoticeAsync(new() { GroupId = Id, Text = Notice ?? string.Empty }, options), GroupText.Unavailable);
        if (result.Response is not null)
        {
            JustPosted = true;
            return RedirectToPage(new { Id });
        }

        Errors.Add(NoticeId, result.Violations.Count > 0 ? result.Violations[0].Message : result.Error ?? GroupText.Unavailable.Current);
        await LoadAsync();
        return Group is null && LoadError is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostMeetingAsync()
    {
        var (request, unreadable) = Meeting.ToRequest(Id);
        foreach (var field in unreadable)
        {
            Errors.Add(field, field == GroupMeetingForm.DateId ? GroupText.MeetingDateInvalid.Current : GroupText.MeetingTimeInvalid.Current);
        }

        if (request is not null)
        {
            var result = await formCalls.CallAsync(HttpContext, nameof(groups.ScheduleMeeting), options => groups.ScheduleMeetingAsync(request, options), GroupText.Unavailable);
            if (result.Response is not null)
            {
                JustScheduled = true;
                return RedirectToPage(new { Id });
            }

            foreach (var (field, message) in result.Violations)
            {
                Errors.Add(GroupMeetingForm.FieldId(field), message);
            }

            if (result.Violations.Count == 0)
            {
                Errors.Add(GroupMeetingForm.TitleId, result.Error ?? GroupText.Unavailable.Current);
            }
        }

        await LoadAsync();
        return Group is null && LoadError is null ? NotFound() : Page();
    }

    /// <summary>A field of the meeting form, with its error.</summary>
    public TextField MeetingField(string id, string name, LocalText label, LocalText? hint, string value) =>
        new(id, $"{nameof(Meeting)}.{name}", label.Current, hint?.Current, value, Errors.For(id));

    /// <summary>A meeting as an .ics file for the reader's calendar.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(string meeting)
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(groups.GetMeetingCalendar),
            options => groups.GetMeetingCalendarAsync(new() { GroupId = Id, MeetingId = meeting ?? string.Empty }, options), GroupText.Unavailable);
        if (result.Response is not { } calendar)
        {
            return result.Error == GroupText.Unavailable.Current ? StatusCode(StatusCodes.Status503ServiceUnavailable) : NotFound();
        }

        return File(Encoding.UTF8.GetBytes(calendar.Ics), "text/calendar", calendar.FileName);
    }

    private async Task LoadAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(groups.GetGroup), options => groups.GetGroupAsync(new() { Id = Id }, options), GroupText.Unavailable);
        Group = result.Response?.Group;
        LoadError = Group is null && result.Violations.Count == 0 && result.Error == GroupText.Unavailable.Current ? result.Error : null;
    }
}
