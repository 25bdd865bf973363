using System.Text;
using Headroom.Diagnostics;

namespace Headroom.IO;

/// <summary>
/// Writes new text for a file in the encoding the file already has, so that a fix changes only the
/// edited characters: a UTF-8 byte order mark stays, a UTF-16 or UTF-32 file (found by its byte order
/// mark, as <see cref="File.ReadAllText(string)"/> finds it) stays in its encoding, and a file without a
/// byte order mark is UTF-8 without one. A file that is not valid UTF-8 and has no byte order mark was
/// read with replacement characters, so writing it back would change bytes outside the edits: that is
/// an <see cref="InputException"/>.
/// </summary>
public static class TextFileEncoding
{
    private static readonly Encoding[] WithPreamble =
    [
        new UTF8Encoding(true),
        new UTF32Encoding(bigEndian: false, byteOrderMark: true), // before UTF-16 LE: its mark starts with FF FE too
        new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        new UTF32Encoding(bigEndian: true, byteOrderMark: true),
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The bytes of <paramref name="text"/> in the encoding of <paramref name="original"/> (the file's
    /// current bytes; empty or null for a new file). <paramref name="displayPath"/> names the file in errors.
    /// </summary>
    public static byte[] EncodeLike(ReadOnlySpan<byte> original, string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        string body = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        foreach (Encoding encoding in WithPreamble)
        {
            ReadOnlySpan<byte> preamble = encoding.Preamble;
            if (original.StartsWith(preamble))
            {
                return [.. preamble, .. encoding.GetBytes(body)];
            }
        }

        try
        {
            _ = StrictUtf8.GetCharCount(original);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"{displayPath}: not UTF-8 text, so it cannot be rewritten without changing bytes outside the fix; nothing was written");
        }

        return StrictUtf8.GetBytes(text);
    }
}
