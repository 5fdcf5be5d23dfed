// libtorch's default random generator is process-wide: tests that seed it (model init, dropout) must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
