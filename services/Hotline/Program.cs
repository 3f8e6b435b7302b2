using Civic.Defaults.Services;
using Civic.Hosting;
using Civic.Hotline;
using Civic.Hotline.Bookings;
using Civic.Hotline.Calls;
using Civic.Hotline.Departments;
using Civic.Hotline.Holds;
using Civic.Hotline.Notifications;
using Civic.Hotline.Reminders;
using Civic.Hotline.Schedules;
using Civic.Hotline.Statistics;
using Civic.Hotline.Waitlist;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(CivicServices.Hotline);
builder.Services.AddHotlineStorage();
builder.Services.AddDepartments();
builder.Services.AddSchedules();
builder.Services.AddBookings();
builder.Services.AddSlotHolds(builder.Configuration);
builder.Services.AddCallsAndIdeas();
builder.Services.AddNotifications();
builder.Services.AddReminders();
builder.Services.AddWaitlist();
builder.Services.AddHotlineStatistics();

var app = builder.Build();
app.MapCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
