using System.Globalization;
using MyHibachi.ServiceDefaults.Security;
using MyHibachi.Realtime;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Extensions;
using MyHibachi.Web.Infrastructure;

// A US business: dates, money and numbers (SVG coordinates too) in en-US whatever the host says.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Friendly pages, never a stack trace, in every environment.
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseEdgeSecurity();
app.UseStaticFiles();
app.UseAdAttribution();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapRazorPages();
app.MapHub<InboxHub>(InboxHub.Path).RequireAuthorization(AdminAccess.PolicyName("/Admin/Inbox"));

app.Run();
