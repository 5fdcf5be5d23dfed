namespace SuddenDrops.Parsing;

/// <summary>
/// The files of a trained (or training) parser: <c>config.json</c> (<see cref="ParserConfig"/>), <c>vocab.json</c>
/// (<see cref="ParserVocabulary"/>), <c>model.bin</c> (the best model on dev, TorchSharp <c>save</c>), <c>state.json</c>
/// (<see cref="ParserTrainingState"/>) and <c>last/</c> (model and optimiser after the latest epoch, for resuming).
/// </summary>
public sealed class ParserFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string ConfigPath => Path.Combine(Root, "config.json");
    public string VocabularyPath => Path.Combine(Root, "vocab.json");
    public string ModelPath => Path.Combine(Root, "model.bin");
    public string StatePath => Path.Combine(Root, "state.json");
    public string LastFolder => Path.Combine(Root, "last");
    public string LastModelPath => Path.Combine(LastFolder, "model.bin");
    public string LastOptimizerPath => Path.Combine(LastFolder, "optimizer.bin");

    /// <summary>True when a best model has been saved.</summary>
    public bool HasModel => File.Exists(ModelPath) && File.Exists(ConfigPath) && File.Exists(VocabularyPath);
}
