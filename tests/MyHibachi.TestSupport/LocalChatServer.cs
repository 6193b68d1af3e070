using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MyHibachi.TestSupport;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 (POST /v1/chat/completions, the wire format
/// OpenAI, Anthropic's and xAI's compatible endpoints share), standing in for the LLM provider. It
/// behaves as <see cref="Mode"/> says: a model that calls the first tool offered and then answers from
/// its result, one that invents a price, one that is too slow, one that fails, or none at all.
/// </summary>
public sealed class LocalChatServer : IAsyncDisposable
{
    public enum Behaviour
    {
        /// <summary>503 at once: as if no provider were reachable.</summary>
        Unavailable,

        /// <summary>Calls the grounded-answer tool, then answers "Happy to help! " + the tool's answer.</summary>
        Faithful,

        /// <summary>Calls the tool, then states a price the tool never returned.</summary>
        Inventive,

        /// <summary>Answers after 30 seconds.</summary>
        Slow,

        /// <summary>500 with an OpenAI error body.</summary>
        Failing,
    }

    public const string Greeting = "Happy to help! ";

    private readonly LocalProviderServer _server;

    private LocalChatServer(LocalProviderServer server) => _server = server;

    public Behaviour Mode { get; set; } = Behaviour.Unavailable;

    /// <summary>When set and it returns text for the request's last user message, that text is the answer (whatever the mode).</summary>
    public Func<string, string?>? Script { get; set; }

    /// <summary>The base address to configure (the OpenAI client appends /chat/completions).</summary>
    public Uri Endpoint => new(_server.Address, "/v1");

    public IReadOnlyList<ReceivedRequest> Requests => [.. _server.Requests];

    public static async Task<LocalChatServer> StartAsync()
    {
        LocalChatServer? chat = null;
        var server = await LocalProviderServer.StartAsync(app => app.MapPost("/v1/chat/completions", (Delegate)((HttpContext context) => chat!.AnswerAsync(context))));
        chat = new LocalChatServer(server);
        return chat;
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
        var model = request["model"]?.GetValue<string>() ?? "local";
        var lastUser = request["messages"]!.AsArray().LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"];
        if (Script is { } script && lastUser is not null && script(lastUser is JsonValue ? lastUser.GetValue<string>() : lastUser.ToJsonString()) is { } scripted)
        {
            return Results.Json(Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = scripted }, "stop"));
        }

        switch (Mode)
        {
            case Behaviour.Unavailable:
                return Results.Json(Error("The model is overloaded.", "server_error"), statusCode: 503);
            case Behaviour.Failing:
                return Results.Json(Error("Internal error.", "server_error"), statusCode: 500);
            case Behaviour.Slow:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                break;
        }

        var messages = request["messages"]!.AsArray();
        var toolResult = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "tool");
        if (toolResult is null)
        {
            var tool = request["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())
                .FirstOrDefault(n => n.EndsWith("grounded_answer", StringComparison.Ordinal));
            if (tool is not null)
            {
                return Results.Json(Completion(model, new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_" + Guid.NewGuid().ToString("N")[..12],
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = "{}" },
                    }),
                }, "tool_calls"));
            }
        }

        var grounded = toolResult?["content"]?.GetValue<string>() is { } content && TryAnswer(content) is { } answer ? answer : "Thanks for your message.";
        var text = Mode == Behaviour.Inventive ? "Great news: it's only $7.77 per guest this week!" : Greeting + grounded;
        return Results.Json(Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop"));
    }

    private static string? TryAnswer(string toolContent)
    {
        try
        {
            return JsonNode.Parse(toolContent)?["answer"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Completion(string model, JsonObject message, string finish) => new()
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..16],
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 50, ["completion_tokens"] = 20, ["total_tokens"] = 70 },
    };

    private static JsonObject Error(string message, string type) => new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = null } };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
