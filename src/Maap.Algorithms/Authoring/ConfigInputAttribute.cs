namespace Maap.Algorithms;

/// <summary>Marks a parameter as a config input: DPS writes it as a top-level key of the job's <c>_context.json</c> (MAAP category <c>config</c>).</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ConfigInputAttribute : MaapInputAttribute
{
}
