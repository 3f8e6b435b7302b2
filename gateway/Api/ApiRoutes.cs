using Civic.Contracts.Common.V1;
using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Rpc.Client;
using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Civic.Gateway.Api;

/// <summary>
/// The JSON API's route table: resources under /api/v1 mapped onto the services' RPCs. Lists take
/// pageSize and pageToken; creating answers 201 with the resource and its Location.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    private static readonly ServiceDescriptor HotlineService = HotlineReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor PanelService = PanelReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor NetworkService = NetworkReflection.Descriptor.Services[0];

    private static readonly RpcMethod<ListDepartmentsRequest, ListDepartmentsResponse> ListDepartments = Method<ListDepartmentsRequest, ListDepartmentsResponse>(HotlineService, "ListDepartments");
    private static readonly RpcMethod<GetDepartmentRequest, GetDepartmentResponse> GetDepartment = Method<GetDepartmentRequest, GetDepartmentResponse>(HotlineService, "GetDepartment");
    private static readonly RpcMethod<CreateDepartmentRequest, CreateDepartmentResponse> CreateDepartment = Method<CreateDepartmentRequest, CreateDepartmentResponse>(HotlineService, "CreateDepartment");
    private static readonly RpcMethod<ListCasesRequest, ListCasesResponse> ListCases = Method<ListCasesRequest, ListCasesResponse>(PanelService, "ListCases");
    private static readonly RpcMethod<GetCaseRequest, GetCaseResponse> GetCase = Method<GetCaseRequest, GetCaseResponse>(PanelService, "GetCase");
    private static readonly RpcMethod<CreateCaseRequest, CreateCaseResponse> CreateCase = Method<CreateCaseRequest, CreateCaseResponse>(PanelService, "CreateCase");
    private static readonly RpcMethod<SearchResourcePersonsRequest, SearchResourcePersonsResponse> SearchResourcePersons = Method<SearchResourcePersonsRequest, SearchResourcePersonsResponse>(NetworkService, "SearchResourcePersons");
    private static readonly RpcMethod<GetResourcePersonRequest, GetResourcePersonResponse> GetResourcePerson = Method<GetResourcePersonRequest, GetResourcePersonResponse>(NetworkService, "GetResourcePerson");
    private static readonly RpcMethod<CreateResourcePersonRequest, CreateResourcePersonResponse> CreateResourcePerson = Method<CreateResourcePersonRequest, CreateResourcePersonResponse>(NetworkService, "CreateResourcePerson");

    private static readonly ApiParameter PageSize = new("pageSize", "query", "integer", $"At most this many items (default 50, at most 500).");
    private static readonly ApiParameter PageToken = new("pageToken", "query", "string", "The page.nextPageToken of the previous page; empty for the first page.");
    private static readonly ApiParameter Id = new("id", "path", "string", "The resource's id.", Required: true);
    private static readonly ApiParameter SearchQuery = new("q", "query", "string", "Words to find in names, competences and challenge areas; empty lists everyone by name.");

    /// <summary>Every operation of the API.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        new("GET", $"{Prefix}/hotline/departments", "listDepartments", "Hotline", "Lists the departments whose directors take calls, by name.",
            [PageSize, PageToken], null, ListDepartmentsResponse.Descriptor, StatusCodes.Status200OK,
            r => r.CallAsync(r.Clients.Hotline, ListDepartments, new ListDepartmentsRequest { Page = Page(r) }, response => response)),
        new("GET", $"{Prefix}/hotline/departments/{{id}}", "getDepartment", "Hotline", "Gets one department.",
            [Id], null, Department.Descriptor, StatusCodes.Status200OK,
            r => r.CallAsync(r.Clients.Hotline, GetDepartment, new GetDepartmentRequest { Id = r.Route("id") }, response => response.Department)),
        new("POST", $"{Prefix}/hotline/departments", "createDepartment", "Hotline", "Registers a department (administrators only).",
            [], CreateDepartmentRequest.Descriptor, Department.Descriptor, StatusCodes.Status201Created,
            r => r.CallAsync(r.Clients.Hotline, CreateDepartment, r.Body<CreateDepartmentRequest>(), response => response.Department,
                StatusCodes.Status201Created, response => $"{Prefix}/hotline/departments/{Uri.EscapeDataString(response.Department.Id)}")),

        new("GET", $"{Prefix}/panel/cases", "listCases", "Panel", "Lists the cases the caller may see, newest first.",
            [PageSize, PageToken], null, ListCasesResponse.Descriptor, StatusCodes.Status200OK,
            r => r.CallAsync(r.Clients.Panel, ListCases, new ListCasesRequest { Page = Page(r) }, response => response)),
        new("GET", $"{Prefix}/panel/cases/{{id}}", "getCase", "Panel", "Gets one case.",
            [Id], null, Case.Descriptor, StatusCodes.Status200OK,
            r => r.CallAsync(r.Clients.Panel, GetCase, new GetCaseRequest { Id = r.Route("id") }, response => response.Case)),
        new("POST", $"{Prefix}/panel/cases", "createCase", "Panel", "Opens a case in the Afklaring phase; texts must be pseudonymised (no CPR numbers).",
            [], CreateCaseRequest.Descriptor, Case.Descriptor, StatusCodes.Status201Created,
            r => r.CallAsync(r.Clients.Panel, CreateCase, r.Body<CreateCaseRequest>(), response => response.Case,
                StatusCodes.Status201Created, response => $"{Prefix}/panel/cases/{Uri.EscapeDataString(response.Case.Id)}")),

        new("GET", $"{Prefix}/network/resource-persons", "listResourcePersons", "Network", "Lists (or, with q, searches) the resource persons the caller may see.",
            [SearchQuery, PageSize, PageToken], null, SearchResourcePersonsResponse.Descriptor, StatusCodes.Status200OK, SearchAsync),
        new("GET", $"{Prefix}/network/resource-persons:search", "searchResourcePersons", "Network", "Finds resource persons by words, best match first.",
            [SearchQuery, PageSize, PageToken], null, SearchResourcePersonsResponse.Descriptor, StatusCodes.Status200OK, SearchAsync),
        new("GET", $"{Prefix}/network/resource-persons/{{id}}", "getResourcePerson", "Network", "Gets one resource person.",
            [Id], null, ResourcePerson.Descriptor, StatusCodes.Status200OK,
            r => r.CallAsync(r.Clients.Network, GetResourcePerson, new GetResourcePersonRequest { Id = r.Route("id") }, response => response.ResourcePerson)),
        new("POST", $"{Prefix}/network/resource-persons", "createResourcePerson", "Network", "Registers a resource person (staff and up).",
            [], CreateResourcePersonRequest.Descriptor, ResourcePerson.Descriptor, StatusCodes.Status201Created,
            r => r.CallAsync(r.Clients.Network, CreateResourcePerson, r.Body<CreateResourcePersonRequest>(), response => response.ResourcePerson,
                StatusCodes.Status201Created, response => $"{Prefix}/network/resource-persons/{Uri.EscapeDataString(response.ResourcePerson.Id)}")),
    ];

    private static Task<ApiResult> SearchAsync(ApiRequest r) =>
        r.CallAsync(r.Clients.Network, SearchResourcePersons, new SearchResourcePersonsRequest { Query = r.Query("q"), Page = Page(r) }, response => (IMessage)response);

    private static PageRequest Page(ApiRequest r) => new() { PageSize = r.QueryInt("pageSize"), PageToken = r.Query("pageToken") };

    private static RpcMethod<TRequest, TResponse> Method<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        RpcMethod.Create<TRequest, TResponse>(service.FindMethodByName(name));
}
