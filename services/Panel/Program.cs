using Civic.Defaults.Services;
using Civic.Hosting;
using Civic.Panel;
using Civic.Panel.Cases;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(CivicServices.Panel);
builder.Services.AddPanelStorage();
builder.Services.AddCases();

var app = builder.Build();
app.MapCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
