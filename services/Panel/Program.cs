using Civic.Defaults.Services;
using Civic.Hosting;
using Civic.Panel;
using Civic.Panel.Cases;
using Civic.Panel.Convening;
using Civic.Panel.Invitations;
using Civic.Panel.Notifications;
using Civic.Panel.Pool;
using Civic.Panel.Schema;
using Civic.Panel.Sessions;

if (args is ["verify", var recordPath])
{
    return VerifyDrawCommand.Run(recordPath, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(CivicServices.Panel);
builder.Services.AddPanelStorage();
builder.Services.AddNotifications();
builder.Services.AddCases();
builder.Services.AddFeatureSchema();
builder.Services.AddPool();
builder.Services.AddConvening();
builder.Services.AddInvitations();
builder.Services.AddCaseWork();

var app = builder.Build();
app.MapCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
