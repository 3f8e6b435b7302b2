using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>Sign-up for the pool without an account: a plain form (works without JavaScript); the Pool service validates it.</summary>
public sealed class SignUpModel(PageServiceCalls calls, PoolService.PoolServiceClient pool, TimeProvider timeProvider) : PageModel
{
    public const string GeneralFieldId = "name";

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public GetSignUpFormResponse? Form { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync() => Form = await calls.CallAsync(HttpContext, nameof(pool.GetSignUpForm), options => pool.GetSignUpFormAsync(new(), options));

    public async Task<IActionResult> OnPostAsync()
    {
        Form = await calls.CallAsync(HttpContext, nameof(pool.GetSignUpForm), options => pool.GetSignUpFormAsync(new(), options));
        if (Form is null)
        {
            return Page();
        }

        var request = new SignUpRequest
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
            var response = await pool.SignUpAsync(request, deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);
            return RedirectToPage("SignUpSent", new { frist = response.ConfirmBy.ToDateTimeOffset().ToUnixTimeSeconds() });
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, MemberForm.FieldIds(Form), GeneralFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, PoolText.Unavailable.Current);
        }

        return Page();
    }
}
