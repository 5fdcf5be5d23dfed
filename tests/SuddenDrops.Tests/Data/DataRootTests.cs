using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

/// <summary>Resolution order on a fake layout: work/project (with Notebooks.sln and data/README.md), work/shared/data.</summary>
public sealed class DataRootTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _project;
    private readonly string _shared;

    public DataRootTests()
    {
        _project = _temp.PathOf("project");
        _shared = _temp.PathOf("shared/data");
        _temp.Write("project/Notebooks.sln", "");
        _temp.Write("project/data/README.md", "# data\n");
        PutVocabUnder("shared/data");
    }

    public void Dispose() => _temp.Dispose();

    private void PutVocabUnder(string folder) => _temp.Write($"{folder}/vocab/bert-base-uncased-vocab.txt", "[PAD]\n");

    [Fact]
    public void The_argument_comes_first()
    {
        var explicitRoot = _temp.PathOf("mine");
        Directory.CreateDirectory(explicitRoot);

        var resolution = DataRoot.Resolve(explicitRoot, _temp.PathOf("shared/data"), _project);

        Assert.Equal((explicitRoot, DataRootSource.Argument), (resolution.Path, resolution.Source));
        Assert.Equal([DataRootSource.Argument, DataRootSource.EnvironmentVariable, DataRootSource.ProjectData, DataRootSource.SharedData],
            resolution.Candidates.Select(c => c.Source));
    }

    [Fact]
    public void An_argument_naming_a_missing_folder_is_an_error_not_a_fallback()
    {
        var missing = _temp.PathOf("nope");

        var error = Assert.Throws<DataRootNotFoundException>(() => DataRoot.Resolve(missing, null, _project));

        Assert.Contains($"--data argument names {missing}, which does not exist", error.Message);
    }

    [Fact]
    public void The_environment_variable_comes_second()
    {
        var resolution = DataRoot.Resolve(null, _shared, _project);

        Assert.Equal((_shared, DataRootSource.EnvironmentVariable), (resolution.Path, resolution.Source));
    }

    [Fact]
    public void Project_data_is_used_only_when_it_holds_a_data_set()
    {
        Assert.Equal((_shared, DataRootSource.SharedData), Pick(DataRoot.Resolve(null, null, _project)));

        PutVocabUnder("project/data");

        Assert.Equal((Path.Combine(_project, "data"), DataRootSource.ProjectData), Pick(DataRoot.Resolve(null, null, _project)));
    }

    [Fact]
    public void Nothing_found_lists_every_place_looked_at()
    {
        Directory.Delete(_shared, recursive: true);

        var error = Assert.Throws<DataRootNotFoundException>(() => DataRoot.Resolve(null, null, _project));

        Assert.Equal(4, error.Candidates.Count);
        Assert.Contains("--data argument: - (not given)", error.Message);
        Assert.Contains("$SUDDENDROPS_DATA: - (not set)", error.Message);
        Assert.Contains($"<project>/data: {Path.Combine(_project, "data")} (holds no complete data set)", error.Message);
        Assert.Contains($"<project>/../shared/data: {_shared} (does not exist)", error.Message);
    }

    [Fact]
    public void Without_a_project_root_only_the_argument_and_the_variable_can_work()
    {
        var error = Assert.Throws<DataRootNotFoundException>(() => DataRoot.Resolve(null, null, null));

        Assert.Contains("no project root", error.Message);
        Assert.Throws<DataRootNotFoundException>(() => DataRoot.FetchTarget(null, null, null));
    }

    [Fact]
    public void Fetch_writes_to_the_argument_then_the_variable_then_project_data_never_the_shared_folder()
    {
        Assert.Equal(_temp.PathOf("x"), DataRoot.FetchTarget(_temp.PathOf("x"), _temp.PathOf("y"), _project));
        Assert.Equal(_temp.PathOf("y"), DataRoot.FetchTarget(null, _temp.PathOf("y"), _project));
        Assert.Equal(Path.Combine(_project, "data"), DataRoot.FetchTarget(null, null, _project));
    }

    [Fact]
    public void From_this_checkout_the_shared_folder_is_found()
    {
        var project = ProjectRoot.FindFrom(AppContext.BaseDirectory);

        var resolution = DataRoot.Resolve(null, null, project);

        Assert.Equal(SharedData.Root, resolution.Path);
        Assert.Equal(DataRootSource.SharedData, resolution.Source);
        Assert.Equal("holds 6 complete data sets", resolution.Candidates[3].Finding);
    }

    private static (string, DataRootSource) Pick(DataRootResolution resolution) => (resolution.Path, resolution.Source);
}
