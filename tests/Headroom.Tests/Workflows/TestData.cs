namespace Headroom.Tests.Workflows;

internal static class TestData
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "Data", name));
}
