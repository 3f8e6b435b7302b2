using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Rpc.Client;

namespace Civic.Gateway.Ui.Data;

/// <summary>The RPCs the pages read from.</summary>
public static class ServiceMethods
{
    public static readonly RpcMethod<ListDepartmentsRequest, ListDepartmentsResponse> ListDepartments =
        RpcMethod.Create<ListDepartmentsRequest, ListDepartmentsResponse>(HotlineReflection.Descriptor.Services[0].FindMethodByName("ListDepartments"));

    public static readonly RpcMethod<ListCasesRequest, ListCasesResponse> ListCases =
        RpcMethod.Create<ListCasesRequest, ListCasesResponse>(PanelReflection.Descriptor.Services[0].FindMethodByName("ListCases"));

    public static readonly RpcMethod<SearchResourcePersonsRequest, SearchResourcePersonsResponse> SearchResourcePersons =
        RpcMethod.Create<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(NetworkReflection.Descriptor.Services[0].FindMethodByName("SearchResourcePersons"));
}
