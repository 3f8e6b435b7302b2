using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Navigation;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Staff register a citizen who is not online; the Pool service records the consent as given to the signed-in employee.</summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class AssistedSignUpModel(PageServiceCalls calls, PoolService.PoolServiceClient pool, TimeProvider timeProvider) : PageModel
{
    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public GetSignUpFormResponse? Form { get; private set; }

    public FormErrors Errors { get; } = new();

    public RegisterAssistedResponse? Registered { get; private set; }

    public async Task OnGetAsync() => Form = await calls.CallAsync(HttpContext, nameof(pool.GetSignUpForm), options => pool.GetSignUpFormAsync(new(), options));

    public async Task<IActionResult> OnPostAsync()
    {
        Form = await calls.CallAsync(HttpContext, nameof(pool.GetSignUpForm), options => pool.GetSignUpFormAsync(new(), options));
        if (Form is null)
        {
            return Page();
        }

        var request = new RegisterAssistedRequest
        {
            Name = Input.Name ?? string.Empty,
            Email = Input.Email ?? string.Empty,
            Phone = Input.Phone ?? string.Empty,
            Availability = Input.Availability ?? string.Empty,
            Languages = { Input.Languages },
            Consent = Input.ConsentGiven,
        };
        request.Features.Add(Input.Features.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
        try
        {
            Registered = await pool.RegisterAssistedAsync(request, deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);
            Input = new MemberForm();
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception) || exception.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            RpcFormErrors.AddTo(Errors, exception, MemberForm.FieldIds(Form), SignUpModel.GeneralFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(SignUpModel.GeneralFieldId, PoolText.Unavailable.Current);
        }

        return Page();
    }

    public string MemberLink => Registered is null ? string.Empty : $"{Request.Scheme}://{Request.Host}{MemberModel.LinkTo(Registered.Member.Id, Registered.MemberToken)}";
}
