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

/// <summary>One member's personal data for coordinators and administrators, read with the reason given on the list (logged by the service).</summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class StaffMemberModel(PoolService.PoolServiceClient pool, TimeProvider timeProvider) : PageModel
{
    public const string GeneralFieldId = "staff-member";

    [BindProperty(SupportsGet = true)]
    public string MemberId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "begrundelse")]
    public string? Reason { get; set; }

    public Contracts.Panel.V1.PoolMember? Member { get; private set; }

    public FormErrors Errors { get; } = new();

    public static string LinkTo(string memberId, string reason) =>
        $"{MembersModel.Path}/{Uri.EscapeDataString(memberId)}?begrundelse={Uri.EscapeDataString(reason)}";

    public async Task OnGetAsync()
    {
        try
        {
            Member = (await pool.GetMemberAsync(new GetMemberRequest { Id = MemberId, Reason = Reason ?? string.Empty },
                new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted))).Member;
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            RpcFormErrors.AddTo(Errors, exception, new Dictionary<string, string>(), GeneralFieldId);
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            Errors.Add(GeneralFieldId, MembersText.NotAllowed.Current);
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, PoolText.Unavailable.Current);
        }
    }
}
