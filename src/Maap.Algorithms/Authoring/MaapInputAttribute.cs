namespace Maap.Algorithms;

/// <summary>The common part of <see cref="FileInputAttribute"/>, <see cref="ConfigInputAttribute"/> and <see cref="PositionalInputAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public abstract class MaapInputAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    protected MaapInputAttribute()
    {
    }

    /// <summary>The registered input name (the WPS input id). Default: the parameter name in snake_case, so <c>InputFile</c> is <c>input_file</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The description registered with the input.</summary>
    public string? Description { get; set; }
}
