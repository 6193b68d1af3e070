namespace MyHibachi.Api.Features.Assistant.Routing;

/// <summary>
/// Multinomial logistic regression over sentence embeddings, trained by full-batch gradient descent
/// with L2 regularisation. Small and exact enough for a few hundred labelled phrasings; trains in
/// milliseconds, so the router retrains at start from the shipped utterance set.
/// </summary>
public sealed class SoftmaxClassifier
{
    private readonly float[][] _weights;

    private readonly float[] _bias;

    private SoftmaxClassifier(IReadOnlyList<string> labels, float[][] weights, float[] bias)
    {
        Labels = labels;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Labels { get; }

    public static SoftmaxClassifier Train(
        IReadOnlyList<float[]> inputs, IReadOnlyList<string> labels, int epochs = 300, float learningRate = 2f, float l2 = 1e-4f)
    {
        if (inputs.Count == 0 || inputs.Count != labels.Count)
        {
            throw new ArgumentException("Training needs as many labels as inputs, and at least one of each.");
        }

        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var dimensions = inputs[0].Length;
        var weights = classes.Select(_ => new float[dimensions]).ToArray();
        var bias = new float[classes.Count];
        var gradients = classes.Select(_ => new float[dimensions]).ToArray();
        var biasGradients = new float[classes.Count];
        var probabilities = new float[classes.Count];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var g in gradients)
            {
                Array.Clear(g);
            }

            Array.Clear(biasGradients);
            for (var n = 0; n < inputs.Count; n++)
            {
                Scores(weights, bias, inputs[n], probabilities);
                var target = index[labels[n]];
                for (var c = 0; c < classes.Count; c++)
                {
                    var error = probabilities[c] - (c == target ? 1f : 0f);
                    biasGradients[c] += error;
                    var g = gradients[c];
                    var x = inputs[n];
                    for (var d = 0; d < dimensions; d++)
                    {
                        g[d] += error * x[d];
                    }
                }
            }

            var step = learningRate / inputs.Count;
            for (var c = 0; c < classes.Count; c++)
            {
                var w = weights[c];
                var g = gradients[c];
                for (var d = 0; d < dimensions; d++)
                {
                    w[d] -= step * g[d] + learningRate * l2 * w[d];
                }

                bias[c] -= step * biasGradients[c];
            }
        }

        return new SoftmaxClassifier(classes, weights, bias);
    }

    /// <summary>The probability of each label, in the order of <see cref="Labels"/>.</summary>
    public float[] Predict(ReadOnlySpan<float> input)
    {
        var probabilities = new float[Labels.Count];
        Scores(_weights, _bias, input, probabilities);
        return probabilities;
    }

    private static void Scores(float[][] weights, float[] bias, ReadOnlySpan<float> input, float[] into)
    {
        var max = float.NegativeInfinity;
        for (var c = 0; c < weights.Length; c++)
        {
            into[c] = Vectors.Dot(weights[c], input) + bias[c];
            max = Math.Max(max, into[c]);
        }

        var sum = 0f;
        for (var c = 0; c < weights.Length; c++)
        {
            into[c] = MathF.Exp(into[c] - max);
            sum += into[c];
        }

        for (var c = 0; c < weights.Length; c++)
        {
            into[c] /= sum;
        }
    }
}
