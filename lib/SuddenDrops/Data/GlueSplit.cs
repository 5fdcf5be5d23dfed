namespace SuddenDrops.Data;

/// <summary>The GLUE splits with public labels: <c>train.tsv</c> and <c>dev.tsv</c>.</summary>
public enum GlueSplit
{
    Train,
    Dev,
}
