using Civic.Contracts.Network.V1;
using Civic.Gateway.Network;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>One network group: its members, its notice board and a form to post (a plain POST, so it works without JavaScript).</summary>
[RoleAreaPage(RoleAreaId.NetworkRequests)]
public sealed class GroupModel(NetworkFormCalls formCalls, NetworkGroupService.NetworkGroupServiceClient groups) : PageModel
{
    public const string NoticeId = "notice";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Notice { get; set; }

    [TempData]
    public bool JustPosted { get; set; }

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

    private async Task LoadAsync()
    {
        var result = await formCalls.CallAsync(HttpContext, nameof(groups.GetGroup), options => groups.GetGroupAsync(new() { Id = Id }, options), GroupText.Unavailable);
        Group = result.Response?.Group;
        LoadError = Group is null && result.Violations.Count == 0 && result.Error == GroupText.Unavailable.Current ? result.Error : null;
    }
}
