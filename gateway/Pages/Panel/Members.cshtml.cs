using Civic.Contracts.Common.V1;
using Civic.Contracts.Panel.V1;
using Civic.Gateway.Pages.Hotline;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Forms;
using Civic.Gateway.Ui.Localization;
using Civic.Gateway.Ui.Navigation;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Panel;

/// <summary>
/// The staff list of the pool's members (coordinators and administrators): a GET form with the reason and
/// filters, a table of the members found with links to each, one page at a time. Nothing is read until a
/// reason is given; the Panel service logs every member shown.
/// </summary>
[RoleAreaPage(RoleAreaId.PanelCases)]
public sealed class MembersModel(PageServiceCalls calls, PoolService.PoolServiceClient pool, TimeProvider timeProvider) : PageModel
{
    public const string Path = "/borgerpanelet/medlemmer";
    public const string GeneralFieldId = "members-filter";
    public const string FeaturePrefix = "egenskab.";
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "begrundelse")]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "tekst")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public string? PageToken { get; set; }

    /// <summary>The feature schema for the filters; null when the service did not answer.</summary>
    public GetSignUpFormResponse? Form { get; private set; }

    /// <summary>Category → the value chosen in the filter.</summary>
    public Dictionary<string, string> Features { get; } = new(StringComparer.Ordinal);

    public ListMembersResponse? Members { get; private set; }

    public bool NotAllowed { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Whether the form was sent (a reason field, even an empty one, is in the query).</summary>
    public bool Submitted => Request.Query.ContainsKey("begrundelse");

    public static IReadOnlyList<(string Value, LocalText Label)> Statuses { get; } =
    [
        (string.Empty, MembersText.AnyStatus),
        ("aktiv", PoolText.StatusActive),
        ("afventer", PoolText.StatusPending),
    ];

    public async Task OnGetAsync()
    {
        Form = await calls.CallAsync(HttpContext, nameof(pool.GetSignUpForm), options => pool.GetSignUpFormAsync(new(), options));
        foreach (var (key, value) in Request.Query.Where(q => q.Key.StartsWith(FeaturePrefix, StringComparison.Ordinal)))
        {
            if (value.ToString().Trim() is { Length: > 0 } chosen)
            {
                Features[key[FeaturePrefix.Length..]] = chosen;
            }
        }

        if (!Submitted)
        {
            return;
        }

        var request = new ListMembersRequest
        {
            Page = new PageRequest { PageSize = PageSize, PageToken = PageToken ?? string.Empty },
            Reason = Reason ?? string.Empty,
            Text = Text ?? string.Empty,
            Status = Status switch { "aktiv" => MemberStatus.Active, "afventer" => MemberStatus.Pending, _ => MemberStatus.Unspecified },
        };
        request.Features.Add(Features);
        try
        {
            Members = await pool.ListMembersAsync(request, new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + PageServiceCalls.Timeout, cancellationToken: HttpContext.RequestAborted));
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            NotAllowed = true;
        }
        catch (RpcException exception) when (RpcFormErrors.IsRefusal(exception))
        {
            var fieldIds = new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = "reason", ["text"] = "text", ["status"] = "status" };
            foreach (var category in Form?.Categories ?? [])
            {
                fieldIds["features." + category.Category] = FieldId(category.Category);
            }

            RpcFormErrors.AddTo(Errors, exception, fieldIds, GeneralFieldId);
        }
        catch (RpcException)
        {
            Errors.Add(GeneralFieldId, PoolText.Unavailable.Current);
        }
    }

    public static string FieldId(string category) => "feature-" + category;

    /// <summary>This list again from the page that starts at <paramref name="pageToken"/> (null: the first page).</summary>
    public string LinkToPage(string? pageToken) =>
        Path + QueryString.Create(Request.Query
            .Where(q => q.Key != "side")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(pageToken is null ? [] : [new KeyValuePair<string, string?>("side", pageToken)]));

    /// <summary>A member's page for staff, read with the same reason.</summary>
    public string LinkToMember(string memberId) => StaffMemberModel.LinkTo(memberId, Reason ?? string.Empty);
}
