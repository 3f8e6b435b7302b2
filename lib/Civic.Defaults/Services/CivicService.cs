namespace Civic.Defaults.Services;

/// <summary>
/// One of Civic's services: the name that its database, jobs, traces, proxy cluster, Kubernetes
/// objects and address setting are all called by, its gRPC port on one machine, and the proto
/// package its contracts live in.
/// </summary>
/// <param name="Name">Lower-case name, e.g. "hotline".</param>
/// <param name="DefaultPort">The h2c port on one machine (and in the container).</param>
/// <param name="ProtoPackage">The proto package of its contracts, e.g. "civic.hotline.v1".</param>
public sealed record CivicService(string Name, int DefaultPort, string ProtoPackage)
{
    /// <summary>The JSON API's path prefix for this service's resources, e.g. "/api/v1/hotline".</summary>
    public string ApiPrefix => $"{CivicServices.ApiPrefix}/{Name}";

    /// <summary>Where every service serves its jobs dashboard: "/admin/jobs/{name}".</summary>
    public const string JobsDashboardPrefix = "/admin/jobs";

    /// <summary>This service's jobs dashboard path, e.g. "/admin/jobs/hotline" (administrators only).</summary>
    public string JobsDashboardPath => $"{JobsDashboardPrefix}/{Name}";

    /// <summary>The address on one machine, e.g. http://127.0.0.1:5101.</summary>
    public Uri DefaultAddress => new($"http://127.0.0.1:{DefaultPort}");

    /// <summary>The configuration key of the service's address: "Civic:Services:hotline".</summary>
    public string AddressSetting => $"{CivicServices.AddressSection}:{Name}";
}
