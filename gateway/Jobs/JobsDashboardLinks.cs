using Civic.Gateway.Ui.Localization;
using Civic.Defaults.Services;

namespace Civic.Gateway.Jobs;

/// <summary>One service's jobs dashboard as the administration page links to it.</summary>
public sealed record JobsDashboardLink(LocalText Service, string Path)
{
    /// <summary>Every service's dashboard, in the order the services are presented.</summary>
    public static IReadOnlyList<JobsDashboardLink> All { get; } =
    [
        new(new("Direktørlinjen", "Director Line"), CivicServices.Hotline.JobsDashboardPath),
        new(new("Borgerpanelet", "Citizens' Panel"), CivicServices.Panel.JobsDashboardPath),
        new(new("Ressourcenetværket", "Resource Network"), CivicServices.Network.JobsDashboardPath),
    ];
}
