namespace Maap.Algorithms;

/// <summary>
/// Marks a <see cref="Uri"/> or <see cref="string"/> parameter as a file input: DPS downloads the URL
/// into the job's <c>input/</c> folder before the algorithm starts (MAAP category <c>file</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class FileInputAttribute : MaapInputAttribute
{
}
