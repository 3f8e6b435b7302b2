using Civic.Hosting.Notifications;
using Civic.Network;
using Civic.Services.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourcePersonGrpcService = Civic.Network.ResourcePersons.ResourcePersonGrpcService;

namespace Civic.Services.FunctionalTests.Network;

/// <summary>What the Network service queued to send, read straight from its outbox.</summary>
internal static class NetworkOutbox
{
    /// <summary>The kind and recipient of every message about <paramref name="aboutId"/>, oldest first.</summary>
    public static async Task<List<(string Kind, string Recipient)>> AboutAsync(ServiceHost<ResourcePersonGrpcService> host, string aboutId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var messages = await db.Notifications.AsNoTracking().Where(m => m.AboutId == aboutId).ToListAsync(TestContext.Current.CancellationToken);
        return [.. messages.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => (m.Kind, m.Recipient))];
    }

    /// <summary>The one message of <paramref name="kind"/> about <paramref name="aboutId"/>.</summary>
    public static async Task<OutboxMessage> SingleAsync(ServiceHost<ResourcePersonGrpcService> host, string aboutId, string kind)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.Notifications.AsNoTracking().SingleAsync(m => m.AboutId == aboutId && m.Kind == kind, TestContext.Current.CancellationToken);
    }
}
