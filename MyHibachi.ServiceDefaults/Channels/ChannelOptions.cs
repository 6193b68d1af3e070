namespace MyHibachi.Channels;

/// <summary>
/// The messaging providers, shared by the Api (webhooks: signatures and verify tokens) and the Workers
/// (sending, recordings, transcription). Every one is optional: without its settings a channel says
/// "not configured" and its outbound messages wait in the queue.
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Channels";

    public RingCentralOptions RingCentral { get; set; } = new();

    public MetaOptions Meta { get; set; } = new();

    public DeepgramOptions Deepgram { get; set; } = new();

    public SpeechOptions Speech { get; set; } = new();

    public EmailChannelOptions Email { get; set; } = new();
}

public sealed class RingCentralOptions
{
    /// <summary>https://platform.ringcentral.com (production) or https://platform.devtest.ringcentral.com (sandbox).</summary>
    public string ServerUrl { get; set; } = "https://platform.ringcentral.com";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The JWT credential of the user whose number sends (exchanged for access tokens).</summary>
    public string? Jwt { get; set; }

    /// <summary>The webhook secret: sent by RingCentral as the subscription's Verification-Token (or an X-RC-Signature HMAC key).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Our SMS number, E.164 ("+14045550100").</summary>
    public string? FromNumber { get; set; }

    public bool CanSend => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(Jwt)
        && !string.IsNullOrWhiteSpace(FromNumber);

    public bool CanReceive => !string.IsNullOrWhiteSpace(WebhookSecret);
}

public sealed class MetaOptions
{
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphVersion { get; set; } = "v21.0";

    /// <summary>The app secret: X-Hub-Signature-256 on every webhook is an HMAC of the body with it.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token typed into the app's webhook settings; Meta sends it back as hub.verify_token.</summary>
    public string? VerifyToken { get; set; }

    public string? WhatsAppToken { get; set; }

    public string? WhatsAppPhoneNumberId { get; set; }

    /// <summary>The approved template sent outside the 24-hour window; its body has one parameter, the message.</summary>
    public string WhatsAppTemplate { get; set; } = "myhibachi_follow_up";

    public string WhatsAppTemplateLanguage { get; set; } = "en_US";

    public string? PageId { get; set; }

    /// <summary>The page access token: Messenger, Instagram messaging and comment replies.</summary>
    public string? PageToken { get; set; }

    public string? InstagramAccountId { get; set; }

    public bool CanReceive => !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(VerifyToken);

    public bool CanSendWhatsApp => !string.IsNullOrWhiteSpace(WhatsAppToken) && !string.IsNullOrWhiteSpace(WhatsAppPhoneNumberId);

    public bool CanSendPage => !string.IsNullOrWhiteSpace(PageToken) && !string.IsNullOrWhiteSpace(PageId);
}

public sealed class DeepgramOptions
{
    public string BaseUrl { get; set; } = "https://api.deepgram.com";

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "nova-3";

    public bool Configured => !string.IsNullOrWhiteSpace(ApiKey);
}

public sealed class SpeechOptions
{
    /// <summary>The local text-to-speech program (Debian's espeak-ng); its WAV goes to the caller.</summary>
    public string Command { get; set; } = "espeak-ng";

    public string Voice { get; set; } = "en-us";
}

public sealed class EmailChannelOptions
{
    /// <summary>A folder of incoming .eml files (a mail server's delivery folder); replies are threaded into their conversation.</summary>
    public string? InboundDirectory { get; set; }

    /// <summary>The address customers reply to; a reply's conversation is read from its "+tag" (inbox+{id}@...).</summary>
    public string ReplyAddress { get; set; } = "inbox@myhibachi.local";
}
