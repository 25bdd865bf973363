namespace Headroom.Rules;

/// <summary>A place that explains a finding, in another file or elsewhere in the same one.</summary>
public sealed record RelatedLocation(string Path, int Line, int Column, string Message);
