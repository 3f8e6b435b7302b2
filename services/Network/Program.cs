using Civic.Defaults.Services;
using Civic.Hosting;
using Civic.Network;
using Civic.Network.Groups;
using Civic.Network.Navigators;
using Civic.Network.Notifications;
using Civic.Network.Requests;
using Civic.Network.ResourcePersons;
using Civic.Network.Taxonomy;
using Civic.Network.Toolbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(CivicServices.Network);
builder.Services.AddNetworkStorage();
builder.Services.AddNotifications();
builder.Services.AddTaxonomy();
builder.Services.AddResourcePersons();
builder.Services.AddHelpRequests();
builder.Services.AddToolbox();
builder.Services.AddNavigators();
builder.Services.AddNetworkGroups();

var app = builder.Build();
app.MapCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
