using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MyHibachi.Api.Features.Reviews;

public sealed class ReviewPhotoOptions
{
    public const string Section = "Reviews:Photos";

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most pixels (width × height) a photo may have: a small file that would decode to gigabytes is refused before decoding.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The longest side accepted.</summary>
    public int MaxSide { get; set; } = 12_000;

    /// <summary>The widths kept (never wider than the photo itself).</summary>
    public int[] Widths { get; set; } = [320, 800, 1600];

    public int JpegQuality { get; set; } = 82;
}

/// <summary>A photo made safe to publish: re-encoded JPEGs at each width, without any metadata.</summary>
public sealed record ProcessedPhoto(int Width, int Height, IReadOnlyList<ProcessedSize> Sizes);

public sealed record ProcessedSize(int Width, int Height, byte[] Jpeg);

/// <summary>Why an upload was refused; Status is 413 (too many bytes), 415 (not a photo) or 422 (a photo we will not decode).</summary>
public sealed record PhotoRefusal(int Status, string Message);

/// <summary>
/// Checks an upload by its content, never its name or declared type: JPEG, PNG or a still WebP by
/// their first bytes; the dimensions read from the header before any pixel is decoded (so a
/// decompression bomb is refused cheaply); then decoded, turned upright, flattened on white, cut to
/// the configured widths and written again as JPEG, which leaves EXIF (GPS included), IPTC, XMP and
/// ICC behind.
/// </summary>
public static class ReviewPhotoProcessor
{
    // Only the three formats a phone or a browser sends; every other decoder stays out of reach.
    private static readonly Configuration Decoders = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    public static PhotoKind Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return PhotoKind.Jpeg;
        }

        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return PhotoKind.Png;
        }

        if (bytes.Length >= 16 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            // VP8X carries an animation flag (bit 1 of the byte after the chunk header).
            return bytes.Length >= 21 && bytes[12..16].SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0 ? PhotoKind.AnimatedWebp : PhotoKind.Webp;
        }

        return PhotoKind.Unknown;
    }

    public static (ProcessedPhoto? Photo, PhotoRefusal? Refusal) Process(byte[] bytes, ReviewPhotoOptions options)
    {
        if (bytes.LongLength > options.MaxBytes)
        {
            return (null, new PhotoRefusal(413, $"A photo may be at most {options.MaxBytes / (1024 * 1024)} MB."));
        }

        switch (Sniff(bytes))
        {
            case PhotoKind.Unknown:
                return (null, new PhotoRefusal(415, "This file is not a photo: send a JPEG, PNG or WebP image."));
            case PhotoKind.AnimatedWebp:
                return (null, new PhotoRefusal(415, "Animated images are not accepted: send a still photo."));
        }

        IImageInfo? info;
        try
        {
            info = Image.Identify(Decoders, bytes, out _);
        }
        catch (Exception exception) when (exception is ImageFormatException or UnknownImageFormatException or InvalidOperationException or ArgumentException)
        {
            info = null;
        }

        if (info is null || info.Width < 1 || info.Height < 1)
        {
            return (null, new PhotoRefusal(422, "The photo could not be read: the file is damaged or not a complete image."));
        }

        if (info.Width > options.MaxSide || info.Height > options.MaxSide || (long)info.Width * info.Height > options.MaxPixels)
        {
            return (null, new PhotoRefusal(422,
                $"The photo is {info.Width} × {info.Height} pixels; at most {options.MaxPixels / 1_000_000} megapixels and {options.MaxSide} pixels a side are accepted."));
        }

        Image<Rgba32> image;
        try
        {
            image = Image.Load<Rgba32>(Decoders, bytes);
        }
        catch (Exception exception) when (exception is ImageFormatException or UnknownImageFormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (null, new PhotoRefusal(422, "The photo could not be read: the file is damaged or not a complete image."));
        }

        using (image)
        {
            image.Mutate(x => x.AutoOrient().BackgroundColor(Color.White));
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            var (width, height) = (image.Width, image.Height);
            var widths = options.Widths.Where(w => w < width).Append(Math.Min(width, options.Widths.Max())).Distinct().Order().ToList();
            var encoder = new JpegEncoder { Quality = options.JpegQuality };
            var sizes = new List<ProcessedSize>();
            foreach (var target in widths)
            {
                using var copy = target == width ? image.Clone() : image.Clone(x => x.Resize(target, 0, KnownResamplers.Lanczos3));
                using var output = new MemoryStream();
                copy.SaveAsJpeg(output, encoder);
                sizes.Add(new ProcessedSize(copy.Width, copy.Height, output.ToArray()));
            }

            return (new ProcessedPhoto(width, height, sizes), null);
        }
    }
}

public enum PhotoKind
{
    Unknown,
    Jpeg,
    Png,
    Webp,
    AnimatedWebp,
}
