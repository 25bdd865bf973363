namespace Headroom.Tests;

/// <summary>
/// How many random cases a property checks: the figure the test names, times
/// <c>HEADROOM_PROPERTY_SCALE</c> when set (a soak run: <c>HEADROOM_PROPERTY_SCALE=50 dotnet test ...</c>).
/// </summary>
internal static class PropertyRuns
{
    public static int Of(int runs) =>
        int.TryParse(Environment.GetEnvironmentVariable("HEADROOM_PROPERTY_SCALE"), out int scale) && scale > 1 ? runs * scale : runs;
}
