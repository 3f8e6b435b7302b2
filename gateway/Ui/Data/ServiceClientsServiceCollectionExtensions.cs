using Civic.Contracts.Hotline.V1;
using Civic.Contracts.Network.V1;
using Civic.Contracts.Panel.V1;
using Civic.Defaults.Clients;
using Civic.Defaults.Services;

namespace Civic.Gateway.Ui.Data;

public static class ServiceClientsServiceCollectionExtensions
{
    /// <summary>The typed gRPC clients the pages read through, at the catalog's addresses.</summary>
    public static IServiceCollection AddPageServiceClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCivicClient<DepartmentService.DepartmentServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<ScheduleService.ScheduleServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<BookingService.BookingServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<CallService.CallServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<IdeaService.IdeaServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<Contracts.Hotline.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<Contracts.Panel.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<Contracts.Network.V1.DevelopmentMailboxService.DevelopmentMailboxServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<StatisticsService.StatisticsServiceClient>(CivicServices.Hotline, configuration);
        services.AddCivicClient<CaseService.CaseServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<ConveningService.ConveningServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<PoolService.PoolServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<MembershipService.MembershipServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<AuditService.AuditServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<FairnessService.FairnessServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<InvitationService.InvitationServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<PanelMemberService.PanelMemberServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<SessionService.SessionServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<SynthesisService.SynthesisServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<FeedbackService.FeedbackServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<EvaluationService.EvaluationServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<FeatureSchemaService.FeatureSchemaServiceClient>(CivicServices.Panel, configuration);
        services.AddCivicClient<ResourcePersonService.ResourcePersonServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<HelpRequestService.HelpRequestServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<TaxonomyService.TaxonomyServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<ToolboxService.ToolboxServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<NavigatorService.NavigatorServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<NetworkGroupService.NetworkGroupServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<ProfileUpkeepService.ProfileUpkeepServiceClient>(CivicServices.Network, configuration);
        services.AddCivicClient<CompetenceFoldingService.CompetenceFoldingServiceClient>(CivicServices.Network, configuration);
        services.AddSingleton<Civic.Gateway.Network.NetworkFormCalls>();
        return services;
    }
}
