namespace SuddenDrops.Parsing;

/// <summary>
/// Maximum spanning arborescence (Chu &amp; Liu 1965; Edmonds 1967) over the words of a sentence, rooted at the artificial
/// ROOT (node 0), with exactly one word attached to ROOT. Non-projective, O(n³) with the recursive contraction below.
/// <para>The single-root constraint by a penalty: every root arc loses a constant M larger than the spread of any two trees'
/// other scores (M = 1 + n·(max − min) over finite scores). A tree with k root arcs pays k·M, so the best tree of the penalised
/// graph has one root arc, and among the one-root trees the penalty is the same constant, so it is the best one-root tree.
/// (Were forbidden arcs to leave no one-root tree, the result is the best tree with the fewest root arcs.)</para>
/// </summary>
public static class ChuLiuEdmonds
{
    /// <summary>The best tree.</summary>
    /// <param name="scores">scores[d, h]: score of word d (1..n) taking head h (0..n); size (n+1) × (n+1); row 0 and the
    /// diagonal are ignored. -∞ marks a forbidden arc (every word needs at least one allowed head, ROOT always is).</param>
    /// <returns>heads[d] for d = 0..n; heads[0] = -1.</returns>
    public static int[] Decode(double[,] scores)
    {
        var nodes = scores.GetLength(0);
        if (scores.GetLength(1) != nodes)
            throw new ArgumentException($"The score matrix must be square, got {nodes} × {scores.GetLength(1)}.");
        var penalized = WithRootPenalty(scores);
        var heads = Arborescence(penalized);
        heads[0] = -1;
        return heads;
    }

    /// <summary>The sum of scores[d, heads[d]] over the words (the objective <see cref="Decode"/> maximises).</summary>
    public static double Score(double[,] scores, IReadOnlyList<int> heads)
    {
        var total = 0.0;
        for (var d = 1; d < heads.Count; d++) total += scores[d, heads[d]];
        return total;
    }

    private static double[,] WithRootPenalty(double[,] scores)
    {
        var nodes = scores.GetLength(0);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var copy = new double[nodes, nodes];
        for (var d = 0; d < nodes; d++)
            for (var h = 0; h < nodes; h++)
            {
                var s = d == 0 || d == h ? double.NegativeInfinity : scores[d, h];
                if (double.IsNaN(s)) throw new ArgumentException($"Score of word {d} taking head {h} is NaN.");
                copy[d, h] = s;
                if (double.IsFinite(s)) { min = Math.Min(min, s); max = Math.Max(max, s); }
            }
        var penalty = nodes < 2 || min > max ? 0 : 1 + (nodes - 1) * (max - min);
        for (var d = 1; d < nodes; d++)
            copy[d, 0] -= penalty;
        return copy;
    }

    /// <summary>Recursive Chu-Liu-Edmonds on the node set 0..N-1 (node 0 the root); scores[d, h], -∞ for no arc.</summary>
    private static int[] Arborescence(double[,] scores)
    {
        var heads = GreedyHeads(scores);
        var cycle = FindCycle(heads);
        if (cycle is null)
            return heads;
        return Contract(scores, heads, cycle);
    }

    private static int[] GreedyHeads(double[,] scores)
    {
        var nodes = scores.GetLength(0);
        var heads = new int[nodes];
        heads[0] = -1;
        for (var d = 1; d < nodes; d++)
        {
            var best = -1;
            for (var h = 0; h < nodes; h++)
                if (h != d && (best < 0 || scores[d, h] > scores[d, best])) best = h;
            heads[d] = best;
        }
        return heads;
    }

    /// <summary>The nodes of one cycle of the head graph, or null when it is a tree.</summary>
    private static List<int>? FindCycle(int[] heads)
    {
        var nodes = heads.Length;
        var state = new int[nodes]; // 0 unseen, 1 on the current path, 2 done
        state[0] = 2;
        for (var start = 1; start < nodes; start++)
        {
            if (state[start] != 0) continue;
            var path = new List<int>();
            var v = start;
            while (state[v] == 0)
            {
                state[v] = 1;
                path.Add(v);
                v = heads[v];
            }
            if (state[v] == 1)
                return path[path.IndexOf(v)..];
            foreach (var p in path) state[p] = 2;
        }
        return null;
    }

    /// <summary>Contracts the cycle into one node, solves the smaller problem and expands its answer.</summary>
    private static int[] Contract(double[,] scores, int[] heads, List<int> cycle)
    {
        var nodes = scores.GetLength(0);
        var inCycle = new bool[nodes];
        foreach (var c in cycle) inCycle[c] = true;
        var cycleScore = cycle.Sum(c => scores[c, heads[c]]);

        // New numbering: nodes outside the cycle keep their order, the cycle becomes the last node.
        var outside = Enumerable.Range(0, nodes).Where(v => !inCycle[v]).ToArray();
        var contracted = outside.Length;
        var size = contracted + 1;
        var reduced = new double[size, size];
        var enterVia = new int[size];   // cycle taking head b outside: the cycle node whose arc is replaced
        var leaveFrom = new int[size];  // outside word a taking its head in the cycle: which cycle node
        for (var a = 0; a < size; a++)
            for (var b = 0; b < size; b++)
                reduced[a, b] = double.NegativeInfinity;

        for (var a = 0; a < contracted; a++)
        {
            var dependent = outside[a];
            for (var b = 0; b < contracted; b++)
                if (a != b) reduced[a, b] = scores[dependent, outside[b]];
            // outside word taking its head inside the cycle: the best cycle node
            var best = double.NegativeInfinity;
            var from = cycle[0];
            foreach (var c in cycle)
                if (scores[dependent, c] > best) { best = scores[dependent, c]; from = c; }
            leaveFrom[a] = from;
            reduced[a, contracted] = best;
        }
        for (var b = 0; b < contracted; b++)
        {
            // the cycle taking a head outside: enter at c, breaking c's cycle arc
            var head = outside[b];
            var best = double.NegativeInfinity;
            var via = cycle[0];
            foreach (var c in cycle)
            {
                var gain = cycleScore - scores[c, heads[c]] + scores[c, head];
                if (gain > best) { best = gain; via = c; }
            }
            reduced[contracted, b] = best;
            enterVia[b] = via;
        }
        if (reduced[contracted, 0] == double.NegativeInfinity && Enumerable.Range(1, contracted - 1).All(b => reduced[contracted, b] == double.NegativeInfinity))
            throw new ArgumentException("No allowed arc enters a cycle of the score graph: some words can only take heads among themselves.");

        var reducedHeads = Arborescence(reduced);
        var result = new int[nodes];
        result[0] = -1;
        foreach (var c in cycle) result[c] = heads[c];
        for (var a = 1; a < contracted; a++)
        {
            var h = reducedHeads[a];
            result[outside[a]] = h == contracted ? leaveFrom[a] : outside[h];
        }
        var cycleHead = reducedHeads[contracted];
        result[enterVia[cycleHead]] = outside[cycleHead];
        return result;
    }
}
