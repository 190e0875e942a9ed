namespace Maap.Algorithms;

/// <summary>
/// Marks a parameter as a positional input: DPS passes it to the run command as a command-line
/// argument, in declaration order (MAAP category <c>positional</c>). Unmarked parameters are
/// positional too; use this attribute to rename or describe one.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PositionalInputAttribute : MaapInputAttribute
{
}
