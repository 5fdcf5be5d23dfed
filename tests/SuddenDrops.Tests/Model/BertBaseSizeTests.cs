using SuddenDrops.Model;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Model;

public class BertBaseSizeTests
{
    /// <summary>
    /// bench/compare_table.py counts model FLOPs from the parameter count; BERT-base must have exactly the parameters of
    /// Hugging Face's BertForMaskedLM (no pooler): embeddings 23,837,184 + 12 × 7,087,872 + MLM head 622,650.
    /// </summary>
    [Fact]
    public void Bert_base_has_the_parameter_count_of_hugging_faces_BertForMaskedLM()
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(BertConfig.Base());
        Assert.Equal(109_514_298, model.ParameterCount);
    }
}
