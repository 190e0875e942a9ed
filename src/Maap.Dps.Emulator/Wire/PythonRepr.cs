namespace Maap.Dps.Emulator.Wire;

/// <summary>Python's <c>repr()</c> of the values MAAP puts into its messages.</summary>
internal static class PythonRepr
{
    /// <summary>A list of strings as Python prints it: <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";
}
