using Civic.Gateway.Identity;
using Civic.Gateway.Ui;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Account;

/// <summary>
/// The development login: one button per demo user. It exists only where the development login is
/// registered (never in Production); elsewhere the page says that login happens before Civic.
/// </summary>
public sealed class LogInModel(DepartmentLookup departments, DevelopmentLogin? login = null, DevelopmentSignIn? signIn = null) : PageModel
{
    private Func<string, string> _departmentName = code => code;

    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The demo users; null where there is no development login.</summary>
    public IReadOnlyList<DemoUser>? Users => login?.Users;

    /// <summary>The first button: where the error summary sends the reader.</summary>
    public string FirstUserFieldId => FieldId(Users is { Count: > 0 } users ? users[0].Id : string.Empty);

    public static string FieldId(string userId) => $"user-{userId}";

    public async Task OnGetAsync() => await LoadDepartmentNamesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (login is null || signIn is null)
        {
            return NotFound();
        }

        if (UserId is null || login.Find(UserId) is null)
        {
            Errors.Add(FirstUserFieldId, LogInText.UnknownUser.Current);
            await LoadDepartmentNamesAsync();
            return Page();
        }

        signIn.SignIn(HttpContext, UserId);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : UiPaths.FrontPage);
    }

    /// <summary>The user's role, and department where the role has one, in the reader's language.</summary>
    public string Describe(DemoUser user)
    {
        var role = UiRoles.DisplayName(user.Role);
        if (user.Department is null)
        {
            return role;
        }

        return $"{role}, {_departmentName(user.Department)}";
    }

    private async Task LoadDepartmentNamesAsync()
    {
        if (login is not null)
        {
            _departmentName = await departments.NamesAsync(HttpContext);
        }
    }
}
