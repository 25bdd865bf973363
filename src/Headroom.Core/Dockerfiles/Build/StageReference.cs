using System.Globalization;

namespace Headroom.Dockerfiles.Build;

internal static class StageReference
{
    /// <summary>Go's strconv.Atoi: an optional sign and decimal digits, nothing else.</summary>
    public static bool TryParseIndex(string text, out int index) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index);
}
