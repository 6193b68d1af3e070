using System.ComponentModel.DataAnnotations;

namespace MyHibachi.Api.Features.Assistant;

public sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>An escalated conversation hands itself back to the assistant when the customer asks something it can answer.</summary>
    public bool AutoResume { get; set; } = true;

    [Range(100, 10_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Turns in a row without progress after which a person takes over.</summary>
    [Range(2, 10)]
    public int StallsBeforeHandOver { get; set; } = 3;

    /// <summary>What the customer reads when a person takes over.</summary>
    public string HandOverMessage { get; set; } =
        "I'm passing you to a person from our team; they'll reply right here, usually within the hour between 9am and 9pm.";
}
