using Civic.Contracts.Network.V1;
using Civic.Gateway.Ui.Access;
using Civic.Gateway.Ui.Data;
using Civic.Gateway.Ui.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Civic.Gateway.Pages.Network;

/// <summary>The network groups, by challenge area, for the municipality's people.</summary>
[RoleAreaPage(RoleAreaId.NetworkRequests, RoleAreaId.NetworkPartner)]
public sealed class GroupsModel(PageServiceCalls calls, NetworkGroupService.NetworkGroupServiceClient groups) : PageModel
{
    public IReadOnlyList<NetworkGroup>? Groups { get; private set; }

    public async Task OnGetAsync() =>
        Groups = (await calls.CallAsync(HttpContext, nameof(groups.ListGroups), options => groups.ListGroupsAsync(new(), options)))?.Groups;
}
