using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// The confirmation link from the e-mail. Opening it only shows a button: confirming is a POST, so a mail
/// scanner that follows links does not confirm a sign-up on the citizen's behalf.
/// </summary>
public sealed class ConfirmModel(PoolService.PoolServiceClient pool, TimeProvider timeProvider) : PageModel
{
    public const string GeneralFieldId = "confirm";

    [BindProperty(SupportsGet = true)]
    public string MemberId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "noegle")]
    public string? Token { get; set; }

    public FormErrors Errors { get; } = new();

    public static string LinkTo(string memberId, string token) =>
        $"/borgerpanelet/bekraeft/{Uri.EscapeDataString(memberId)}?noegle={Uri.EscapeDataString(token)}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var confirmed = await pool.ConfirmSignUpAsync(new ConfirmSignUpRequest { MemberId = MemberId, Token = Token ?? string.Empty },
                deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted);
            return Redirect(MemberModel.LinkTo(confirmed.MemberId, confirmed.MemberToken, MemberModel.Confirmed));
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, new Dictionary<string, string>(), GeneralFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, PoolText.Unavailable.Current);
        }

        return Page();
    }
}
