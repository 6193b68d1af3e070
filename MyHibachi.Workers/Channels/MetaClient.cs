using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Channels;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Channels;

/// <summary>
/// Meta's Graph API: WhatsApp Cloud API messages (free text, or the approved template outside the
/// 24-hour window), Messenger and Instagram messages through the page, comment replies and hiding.
/// </summary>
public sealed class MetaClient(HttpClient http, IOptions<ChannelOptions> options)
{
    public const string Name = "Meta";

    private MetaOptions Settings => options.Value.Meta;

    /// <summary>Sends a WhatsApp message; returns its wamid.</summary>
    public async Task<string> SendWhatsAppAsync(string to, string text, string? template, CancellationToken cancellationToken)
    {
        object body = template is null
            ? new { messaging_product = "whatsapp", recipient_type = "individual", to, type = "text", text = new { preview_url = false, body = text } }
            : new
            {
                messaging_product = "whatsapp", to, type = "template",
                template = new
                {
                    name = template, language = new { code = Settings.WhatsAppTemplateLanguage },
                    components = new[] { new { type = "body", parameters = new[] { new { type = "text", text = Clip(text, 1000) } } } },
                },
            };
        var answer = await PostJsonAsync($"{Settings.WhatsAppPhoneNumberId}/messages", Settings.WhatsAppToken!, body, cancellationToken);
        return answer.GetProperty("messages")[0].GetProperty("id").GetString()!;
    }

    /// <summary>A Messenger or Instagram message to the person's page-scoped id; returns its message id.</summary>
    public async Task<string> SendPageMessageAsync(string recipient, string text, CancellationToken cancellationToken)
    {
        var answer = await PostJsonAsync($"{Settings.PageId}/messages", Settings.PageToken!,
            new { recipient = new { id = recipient }, messaging_type = "RESPONSE", message = new { text = Clip(text, 1990) } }, cancellationToken);
        return answer.GetProperty("message_id").GetString()!;
    }

    /// <summary>A public reply under a comment: /{comment-id}/comments on Facebook, /{comment-id}/replies on Instagram; returns the reply's id.</summary>
    public async Task<string> ReplyToCommentAsync(ChatChannel channel, string commentId, string text, CancellationToken cancellationToken)
    {
        var edge = channel == ChatChannel.InstagramComment ? "replies" : "comments";
        var answer = await PostFormAsync($"{Uri.EscapeDataString(commentId)}/{edge}", new Dictionary<string, string> { ["message"] = text }, cancellationToken);
        return answer.GetProperty("id").GetString()!;
    }

    /// <summary>Hides or shows a comment: is_hidden on Facebook, hide on Instagram.</summary>
    public async Task HideCommentAsync(ChatChannel channel, string commentId, bool hide, CancellationToken cancellationToken)
    {
        var field = channel == ChatChannel.InstagramComment ? "hide" : "is_hidden";
        await PostFormAsync(Uri.EscapeDataString(commentId), new Dictionary<string, string> { [field] = hide ? "true" : "false" }, cancellationToken);
    }

    private Task<JsonElement> PostJsonAsync(string path, string token, object body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(request, cancellationToken);
    }

    private Task<JsonElement> PostFormAsync(string path, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Settings.PageToken);
        return SendAsync(request, cancellationToken);
    }

    private Uri Url(string path) => new($"{Settings.GraphBaseUrl.TrimEnd('/')}/{Settings.GraphVersion}/{path}");

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await ProviderHttp.SendAsync(http, request, Name, cancellationToken);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
