using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Assistant;

/// <summary>
/// An AppHost of its own for the assistant's tests (they run beside the other Api tests), with LLM mode
/// configured against a local chat-completions server. The server answers 503 unless a test sets
/// another behaviour, so by default every reply is the local, grounded one. The knowledge base's
/// vectors are served by a local server speaking Qdrant's gRPC API.
/// </summary>
public sealed class AssistantAppHost : ApiAppHost
{
    public LocalChatServer Llm { get; private set; } = null!;

    /// <summary>The knowledge base's vectors live here (Qdrant's gRPC API, in memory).</summary>
    public LocalQdrantServer Qdrant { get; private set; } = null!;

    protected override bool WithStripe => false;

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"--Api:Assistant:Llm:Endpoint={Llm.Endpoint}",
        "--Api:Assistant:Llm:Model=local-test-model",
        "--Api:Assistant:Llm:ApiKey=sk-local",
        "--Api:Assistant:Llm:TimeoutSeconds=2",
        $"--Api:Assistant:Qdrant:Endpoint={Qdrant.Address}",
    ];

    public override async Task InitializeAsync()
    {
        Llm = await LocalChatServer.StartAsync();
        Qdrant = await LocalQdrantServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
        await Qdrant.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AssistantCollection : ICollectionFixture<AssistantAppHost>
{
    public const string Name = "The assistant against its own AppHost";
}

/// <summary>Base for the assistant's tests: a clean database, an admin client and chat helpers.</summary>
[Collection(AssistantCollection.Name)]
public abstract class AssistantTest(AssistantAppHost host) : ApiTest(host)
{
    protected new AssistantAppHost Host => host;

    protected static async Task<ChatReply> ChatAsync(HibachiApiClient client, string message, string? conversationId = null) =>
        (await client.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(conversationId, message, null))).Ok();

    /// <summary>A conversation of several messages from one visitor; returns every reply.</summary>
    protected static async Task<List<ChatReply>> TalkAsync(HibachiApiClient client, params string[] messages)
    {
        var replies = new List<ChatReply>();
        foreach (var message in messages)
        {
            replies.Add(await ChatAsync(client, message, replies.LastOrDefault()?.ConversationId));
        }

        return replies;
    }

    protected static string Money(long cents) => (cents / 100m).ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The held-out phrasings the router never trained on, read from the repository.</summary>
    protected static IReadOnlyList<(string Label, string Text)> HeldOut(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MyHibachi.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "MyHibachi.Api", "Features", "Assistant", "Training", file);
        return File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t', 2)).Select(p => (p[0], p[1])).ToList();
    }
}
