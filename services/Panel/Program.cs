using Civic.Hosting;
using Civic.Panel;
using Civic.Panel.Cases;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(PanelService.Name, PanelService.DefaultGrpcPort);
builder.Services.AddPanelStorage();
builder.Services.AddCases();
builder.Services.AddPanelRpc();

var app = builder.Build();
app.UseCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
