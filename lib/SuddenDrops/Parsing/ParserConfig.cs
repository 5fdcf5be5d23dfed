namespace SuddenDrops.Parsing;

/// <summary>
/// Hyper-parameters of the biaffine dependency parser (Dozat &amp; Manning 2017) and of its training; saved as
/// <c>config.json</c> in the parser's folder. The defaults are a CPU-friendly version of the paper's setting
/// (word 100d + char-CNN 100 filters, BiLSTM 3 × 200 per direction instead of 3 × 400, arc MLP 400, relation MLP 100,
/// dropout 0.33, Adam lr 2e-3 with β = (0.9, 0.9), gradient clipping at 5).
/// </summary>
/// <param name="WordDim">Word embedding size; words seen at least <paramref name="MinWordCount"/> times in train (lower-cased), the rest UNK.</param>
/// <param name="CharDim">Character embedding size of the char CNN.</param>
/// <param name="CharFilters">Filters of the char CNN (its output size per word).</param>
/// <param name="CharKernel">Width of the char CNN's convolution (odd).</param>
/// <param name="MaxWordChars">Characters of a word seen by the char CNN (longer words are cut).</param>
/// <param name="LstmHidden">BiLSTM hidden size per direction.</param>
/// <param name="LstmLayers">BiLSTM layers.</param>
/// <param name="ArcMlp">Size of the arc MLPs (head and dependent).</param>
/// <param name="RelMlp">Size of the relation MLPs (head and dependent).</param>
/// <param name="Dropout">Dropout on embeddings, between and after LSTM layers and on MLP outputs.</param>
/// <param name="BatchSentences">Sentences per training batch (batches hold sentences of similar length).</param>
/// <param name="MaxEpochs">Epochs at most.</param>
/// <param name="Patience">Stop after this many epochs without a better dev LAS.</param>
/// <param name="PlateauEpochs">Multiply the learning rate by <paramref name="PlateauFactor"/> after this many epochs without a
/// better dev LAS (counted again from each cut); keep it below <paramref name="Patience"/>.</param>
/// <param name="PlateauFactor">Learning-rate factor on a plateau (1 switches the cuts off).</param>
/// <param name="Train">Training treebank, relative to the data root (or absolute).</param>
/// <param name="Dev">Development treebank for early stopping.</param>
/// <param name="Test">Test treebank for <c>sdrops parser eval</c>.</param>
public sealed record ParserConfig(
    int WordDim = 100,
    int CharDim = 50,
    int CharFilters = 100,
    int CharKernel = 3,
    int MaxWordChars = 20,
    int LstmHidden = 200,
    int LstmLayers = 3,
    int ArcMlp = 400,
    int RelMlp = 100,
    double Dropout = 0.33,
    double LearningRate = 2e-3,
    double Beta1 = 0.9,
    double Beta2 = 0.9,
    double ClipNorm = 5.0,
    int BatchSentences = 32,
    int MinWordCount = 2,
    int MaxEpochs = 100,
    int Patience = 5,
    int PlateauEpochs = 2,
    double PlateauFactor = 0.5,
    int Seed = 0,
    int Threads = 1,
    string Train = ParserConfig.EwtTrain,
    string Dev = ParserConfig.EwtDev,
    string Test = ParserConfig.EwtTest)
{
    public const string EwtTrain = "ud/en_ewt-ud-train.conllu";
    public const string EwtDev = "ud/en_ewt-ud-dev.conllu";
    public const string EwtTest = "ud/en_ewt-ud-test.conllu";

    /// <summary>A very small parser for tests (fits 20 sentences in seconds).</summary>
    public static ParserConfig Tiny() => new(WordDim: 32, CharDim: 16, CharFilters: 16, LstmHidden: 32, LstmLayers: 1,
        ArcMlp: 64, RelMlp: 32, Dropout: 0.0, BatchSentences: 10);

    public ParserConfig Validate()
    {
        if (WordDim <= 0 || CharDim <= 0 || CharFilters <= 0 || LstmHidden <= 0 || LstmLayers <= 0 || ArcMlp <= 0 || RelMlp <= 0)
            throw new ArgumentException("Parser sizes must be positive.");
        if (CharKernel <= 0 || CharKernel % 2 == 0)
            throw new ArgumentException($"The char CNN's kernel must be odd and positive, got {CharKernel}.");
        if (MaxWordChars < CharKernel)
            throw new ArgumentException($"MaxWordChars ({MaxWordChars}) must be at least the kernel width ({CharKernel}).");
        if (!(Dropout >= 0 && Dropout < 1))
            throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.");
        if (!(LearningRate > 0) || !(ClipNorm > 0))
            throw new ArgumentException("The learning rate and the clipping norm must be positive.");
        if (!(PlateauFactor > 0 && PlateauFactor <= 1) || PlateauEpochs <= 0)
            throw new ArgumentException($"The plateau factor must be in (0, 1] and the plateau epochs positive, got {PlateauFactor} and {PlateauEpochs}.");
        if (BatchSentences <= 0 || MinWordCount <= 0 || MaxEpochs <= 0 || Patience <= 0)
            throw new ArgumentException("Batch size, minimum word count, epochs and patience must be positive.");
        return this;
    }
}
