using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MyHibachi.Workers.Notifications;

/// <summary>
/// Renders the e-mail templates (Razor components under Notifications/Templates) to HTML with
/// ASP.NET Core's <see cref="HtmlRenderer"/>; Razor encodes every value, so customer text is safe.
/// </summary>
public sealed class EmailTemplates(IServiceProvider services, ILoggerFactory logs)
{
    public async Task<string> RenderAsync<TTemplate>(IDictionary<string, object?> parameters) where TTemplate : IComponent
    {
        await using var renderer = new HtmlRenderer(services, logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TTemplate>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>The HTML of a plain message e-mail (the <see cref="Templates.MessageEmail"/> template).</summary>
    public Task<string> RenderMessageAsync(MessageEmailModel model) =>
        RenderAsync<Templates.MessageEmail>(new Dictionary<string, object?> { [nameof(Templates.MessageEmail.Model)] = model });
}
