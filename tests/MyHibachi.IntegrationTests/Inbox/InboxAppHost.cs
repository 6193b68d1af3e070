using Aspire.Hosting.Testing;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Inbox;

/// <summary>
/// An AppHost of its own for the inbox, with every channel configured against local servers that
/// speak RingCentral's, Meta's and Deepgram's wire formats and sign as they do.
/// </summary>
public sealed class InboxAppHost : ApiAppHost
{
    public LocalRingCentralServer RingCentral { get; private set; } = null!;

    public LocalMetaServer Meta { get; private set; } = null!;

    public LocalDeepgramServer Deepgram { get; private set; } = null!;

    public Uri RingCentralWebhook { get; private set; } = null!;

    /// <summary>Where the Workers read customers' e-mails (.eml files).</summary>
    public string MailInbound => Path.Combine(DataRoot, "mail-inbound");

    protected override bool WithStripe => false;

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"--Channels:RingCentral:ServerUrl={RingCentral.Address}",
        $"--Channels:RingCentral:ClientId={RingCentral.ClientId}",
        $"--Channels:RingCentral:ClientSecret={RingCentral.ClientSecret}",
        $"--Channels:RingCentral:Jwt={RingCentral.Jwt}",
        $"--Channels:RingCentral:WebhookSecret={RingCentral.WebhookSecret}",
        $"--Channels:RingCentral:FromNumber={RingCentral.OurNumber}",
        $"--Channels:Meta:GraphBaseUrl={Meta.Address}",
        $"--Channels:Meta:GraphVersion={LocalMetaServer.Version}",
        $"--Channels:Meta:AppSecret={Meta.AppSecret}",
        $"--Channels:Meta:VerifyToken={Meta.VerifyToken}",
        $"--Channels:Meta:WhatsAppToken={Meta.WhatsAppToken}",
        $"--Channels:Meta:WhatsAppPhoneNumberId={Meta.PhoneNumberId}",
        $"--Channels:Meta:PageId={Meta.PageId}",
        $"--Channels:Meta:PageToken={Meta.PageToken}",
        $"--Channels:Meta:InstagramAccountId={Meta.InstagramId}",
        $"--Channels:Deepgram:BaseUrl={Deepgram.Address}",
        $"--Channels:Deepgram:ApiKey={Deepgram.ApiKey}",
        "--Workers:Jobs:InboundMailEvery=00:00:01",
        "--Workers:Jobs:InboxSweepEvery=00:00:05",
    ];

    public override async Task InitializeAsync()
    {
        RingCentral = await LocalRingCentralServer.StartAsync();
        Meta = await LocalMetaServer.StartAsync();
        Deepgram = await LocalDeepgramServer.StartAsync();
        await base.InitializeAsync();
        var api = App.GetEndpoint(ResourceNames.Api, "http");
        RingCentralWebhook = new Uri(api, "/api/v1/webhooks/ringcentral");
        Meta.WebhookUrl = new Uri(api, "/api/v1/webhooks/meta");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await RingCentral.DisposeAsync();
        await Meta.DisposeAsync();
        await Deepgram.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InboxCollection : ICollectionFixture<InboxAppHost>
{
    public const string Name = "The inbox against its own AppHost and local providers";
}

[Collection(InboxCollection.Name)]
public abstract class InboxTest(InboxAppHost host) : ApiTest(host)
{
    protected new InboxAppHost Host => host;

    protected async Task<InboxConversationSummary> ConversationOfAsync(string channel, string handle) =>
        await EventuallyAsync(async () => (await Api.GetAsync<PagedList<InboxConversationSummary>>($"/api/v1/inbox/conversations?channel={channel}&q={Uri.EscapeDataString(handle)}"))
                .Ok().Items.FirstOrDefault(c => c.Handle == handle),
            c => c is not null, what: $"a {channel} conversation with {handle}") ?? throw new InvalidOperationException();

    protected async Task<InboxConversationDto> ThreadAsync(Guid id) => (await Api.GetAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}")).Ok();
}
