namespace SuddenDrops.Parsing;

/// <summary>One finished training epoch of the parser.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Steps">Optimiser steps in the epoch.</param>
/// <param name="ArcLoss">Mean arc cross-entropy over the epoch's batches.</param>
/// <param name="RelationLoss">Mean relation cross-entropy over the epoch's batches.</param>
/// <param name="DevUas">UAS on the development treebank after the epoch, in [0, 1].</param>
/// <param name="DevLas">LAS on the development treebank after the epoch, in [0, 1].</param>
/// <param name="TrainSeconds">Wall-clock seconds of the training part of the epoch.</param>
/// <param name="DevSeconds">Wall-clock seconds of the dev evaluation.</param>
/// <param name="WordsPerSecond">Training words per second.</param>
/// <param name="LearningRate">Learning rate of the epoch (0 in epochs recorded before plateau cuts existed: the config's).</param>
public sealed record ParserEpoch(int Epoch, int Steps, double ArcLoss, double RelationLoss, double DevUas, double DevLas,
    double TrainSeconds, double DevSeconds, double WordsPerSecond, double LearningRate = 0);
