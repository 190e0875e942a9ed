namespace Maap.Algorithms;

/// <summary>Which registered algorithms to list.</summary>
public enum AlgorithmVisibility
{
    /// <summary>Every algorithm the member can see.</summary>
    All = 0,

    /// <summary>Public algorithms only.</summary>
    Public,

    /// <summary>The member's private algorithms only.</summary>
    Private,
}
