using Civic.Defaults.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civic.Hosting.Tests.Auth;

public sealed class DataProtectionWarmUpTests
{
    [Fact]
    public void ServiceDefaults_HostedServices_NoneLoadsADataProtectionKeyRing()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.AddCivicServiceDefaults(CivicServices.Hotline);
        using var app = builder.Build();

        var dataProtection = typeof(DataProtectionOptions).Assembly;
        var hosted = app.Services.GetServices<IHostedService>().Select(service => service.GetType()).ToList();

        Assert.NotEmpty(hosted);
        Assert.DoesNotContain(hosted, type => type.Assembly == dataProtection);
        // Still there for whatever would use it: only the start-up warm-up is gone.
        Assert.NotNull(app.Services.GetService<IDataProtectionProvider>());
    }
}
