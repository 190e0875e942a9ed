namespace Maap.Algorithms.Generator.Model;

/// <summary>The MAAP input category, matching the runtime's <c>MaapInputKind</c>.</summary>
internal enum InputKind
{
    Positional = 0,
    File = 1,
    Config = 2,
}
