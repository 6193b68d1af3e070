using System.Diagnostics;
using Microsoft.Extensions.Options;
using MyHibachi.Channels;

namespace MyHibachi.Workers.Channels;

/// <summary>Text to speech with the distribution's espeak-ng (a WAV on standard output); no network, no model download.</summary>
public sealed class SpeechSynthesizer(IOptions<ChannelOptions> options)
{
    /// <summary>
    /// espeak-ng streams its WAV without knowing the length (the RIFF and data sizes say 0x7fffffff);
    /// the real sizes are written in so any player can seek in it.
    /// </summary>
    public static byte[] WithLengths(byte[] wav)
    {
        if (wav.Length < 44 || !wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !wav.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            return wav;
        }

        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        for (var at = 12; at + 8 <= wav.Length;)
        {
            var size = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(at + 4));
            if (wav.AsSpan(at, 4).SequenceEqual("data"u8))
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(at + 4), wav.Length - at - 8);
                break;
            }

            at += 8 + Math.Max(0, size) + (size & 1);
        }

        return wav;
    }

    public async Task<byte[]> SpeakAsync(string text, CancellationToken cancellationToken)
    {
        var settings = options.Value.Speech;
        var start = new ProcessStartInfo(settings.Command)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", settings.Voice, "-s", "160", "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ProviderException($"Text to speech is not installed ({settings.Command}: {exception.Message}); install espeak-ng.", transient: false);
        }

        using (process)
        {
            // The text goes in on standard input: never part of a command line.
            await process.StandardInput.WriteAsync(text.Length > 4000 ? text[..4000] : text);
            process.StandardInput.Close();
            using var audio = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(audio, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || audio.Length < 44)
            {
                throw new ProviderException($"Text to speech failed: {await process.StandardError.ReadToEndAsync(cancellationToken)}", transient: false);
            }

            return WithLengths(audio.ToArray());
        }
    }
}
