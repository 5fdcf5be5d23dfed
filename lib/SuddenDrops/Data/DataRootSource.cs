namespace SuddenDrops.Data;

/// <summary>The places <see cref="DataRoot.Resolve(string?)"/> looks at, in its order.</summary>
public enum DataRootSource
{
    /// <summary>The <c>--data DIR</c> argument.</summary>
    Argument,

    /// <summary>The <c>SUDDENDROPS_DATA</c> environment variable.</summary>
    EnvironmentVariable,

    /// <summary><c>data/</c> under the project root, when it holds at least one complete data set.</summary>
    ProjectData,

    /// <summary><c>../shared/data</c> next to the project root, when it holds at least one complete data set.</summary>
    SharedData,
}
