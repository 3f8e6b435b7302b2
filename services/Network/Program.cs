using Civic.Defaults.Services;
using Civic.Hosting;
using Civic.Network;
using Civic.Network.ResourcePersons;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(CivicServices.Network);
builder.Services.AddNetworkStorage();
builder.Services.AddResourcePersons();

var app = builder.Build();
app.MapCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
